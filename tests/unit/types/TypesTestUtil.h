// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the value-type unit tests: JSON literals and validation assertions.
#pragma once

#include "types/FieldError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QTest>

namespace otadmin::test {

/// Parses any JSON text, including bare scalars, which QJsonDocument refuses at top level.
inline QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("{\"v\":" + text + "}", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON literal in test: %s", text.constData());
    return doc.object().value(QStringLiteral("v"));
}

/// Compact JSON text of an object, for exact toJson() comparisons.
inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace otadmin::test

/// Asserts a validation result: `field` empty means "must be accepted"; otherwise the
/// FieldError must name exactly that field and its message must contain `messagePart`.
#define OT_CHECK_VALIDATION(result, expectedField_, messagePart_)                                  \
    do {                                                                                           \
        const otadmin::Validation v_ = (result);                                                   \
        if ((expectedField_).isEmpty()) {                                                          \
            QVERIFY2(!v_, qPrintable(v_ ? v_->toString() : QString()));                            \
        } else {                                                                                   \
            QVERIFY2(v_, "expected a validation error");                                           \
            QCOMPARE(v_->field, QString(expectedField_));                                          \
            QVERIFY2(!v_->message.isEmpty(), "empty message");                                     \
            QVERIFY2(v_->message.contains(messagePart_), qPrintable(v_->message));                 \
        }                                                                                          \
    } while (false)
