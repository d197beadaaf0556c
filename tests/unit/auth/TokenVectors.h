// SPDX-License-Identifier: GPL-3.0-or-later
// The reference's §3.4 client-token inputs and vectors, shared by the auth unit tests.
#pragma once

#include "auth/ClientToken.h"

#include <QByteArray>
#include <QString>

namespace otadmin::TokenVectors {

inline const QString ApiKey = QStringLiteral("12345678");
inline const QByteArray Secret = "0123456789abcdef0123456789abcdef01234567";
inline const QByteArray WrongSecret = "0123456789abcdef0123456789abcdef01234568";
inline const QString SessionId = QStringLiteral("1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg");
inline constexpr qint64 CreateTime = 1700000000;
inline constexpr qint64 ExpireTime = 1700086400;

/// Inputs of vectors A and C.
inline ClientTokenData fullData()
{
    ClientTokenData data;
    data.sessionId = SessionId;
    data.createTime = CreateTime;
    data.expireTime = ExpireTime;
    data.nonce = 123456;
    data.role = TokenRole::Publisher;
    data.connectionData = QStringLiteral("name=Alice Smith");
    data.initialLayoutClasses = {QStringLiteral("focus"), QStringLiteral("inactive")};
    data.includeScope = true;
    return data;
}

/// Inputs of vector B.
inline ClientTokenData minimalData()
{
    ClientTokenData data;
    data.sessionId = SessionId;
    data.createTime = CreateTime;
    data.expireTime = ExpireTime;
    data.nonce = 123456;
    data.role = TokenRole::Moderator;
    data.includeScope = false;
    return data;
}

inline const QByteArray DataA =
    "session_id=1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg&create_time=1700000000&nonce=123456&"
    "role=publisher&expire_time=1700086400&connection_data=name%3DAlice%20Smith&initial_layout_"
    "class_list=focus%20inactive&scope=session.connect";
inline const QString TokenA = QStringLiteral(
    "T1==cGFydG5lcl9pZD0xMjM0NTY3OCZzaWc9MTkzZWQ5YWIxOTZiYzc2YjEyNDRmYTE3ZjU4NTlkZmZlYzA5MWY3"
    "OTpzZXNzaW9uX2lkPTFfTVg0eE1qTTBOVFkzT0g1LU1UY3dNREF3TURBd01EQXdNSDVoWW1OLWZnJmNyZWF0ZV90"
    "aW1lPTE3MDAwMDAwMDAmbm9uY2U9MTIzNDU2JnJvbGU9cHVibGlzaGVyJmV4cGlyZV90aW1lPTE3MDAwODY0MDAm"
    "Y29ubmVjdGlvbl9kYXRhPW5hbWUlM0RBbGljZSUyMFNtaXRoJmluaXRpYWxfbGF5b3V0X2NsYXNzX2xpc3Q9Zm9j"
    "dXMlMjBpbmFjdGl2ZSZzY29wZT1zZXNzaW9uLmNvbm5lY3Q=");
inline const QByteArray SigA = "193ed9ab196bc76b1244fa17f5859dffec091f79";

inline const QByteArray DataB =
    "session_id=1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg&create_time=1700000000&nonce=123456&"
    "role=moderator&expire_time=1700086400";
inline const QString TokenB = QStringLiteral(
    "T1==cGFydG5lcl9pZD0xMjM0NTY3OCZzaWc9N2ExZDYzZDI0N2JmNDU0OTU5NmNmNjlhZWU3MTc5MDRiYWZiY2Zl"
    "YTpzZXNzaW9uX2lkPTFfTVg0eE1qTTBOVFkzT0g1LU1UY3dNREF3TURBd01EQXdNSDVoWW1OLWZnJmNyZWF0ZV90"
    "aW1lPTE3MDAwMDAwMDAmbm9uY2U9MTIzNDU2JnJvbGU9bW9kZXJhdG9yJmV4cGlyZV90aW1lPTE3MDAwODY0MDA=");
inline const QByteArray SigB = "7a1d63d247bf4549596cf69aee717904bafbcfea";

inline const QByteArray ClaimsC =
    R"({"iss":"12345678","ist":"project","iat":1700000000,"exp":1700086400,)"
    R"("session_id":"1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg","create_time":1700000000,)"
    R"("nonce":123456,"role":"publisher","expire_time":1700086400,)"
    R"("connection_data":"name=Alice Smith","initial_layout_class_list":"focus inactive",)"
    R"("scope":"session.connect"})";
inline const QString TokenC = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTY3OCIsImlzdCI6InByb2plY3QiLCJpYXQi"
    "OjE3MDAwMDAwMDAsImV4cCI6MTcwMDA4NjQwMCwic2Vzc2lvbl9pZCI6IjFfTVg0eE1qTTBOVFkzT0g1LU1UY3dN"
    "REF3TURBd01EQXdNSDVoWW1OLWZnIiwiY3JlYXRlX3RpbWUiOjE3MDAwMDAwMDAsIm5vbmNlIjoxMjM0NTYsInJv"
    "bGUiOiJwdWJsaXNoZXIiLCJleHBpcmVfdGltZSI6MTcwMDA4NjQwMCwiY29ubmVjdGlvbl9kYXRhIjoibmFtZT1B"
    "bGljZSBTbWl0aCIsImluaXRpYWxfbGF5b3V0X2NsYXNzX2xpc3QiOiJmb2N1cyBpbmFjdGl2ZSIsInNjb3BlIjoi"
    "c2Vzc2lvbi5jb25uZWN0In0.8RntErM0qdDtcbIjuIxt3YIG3D_0xSIdmQx6TYf-B3A");

} // namespace otadmin::TokenVectors
