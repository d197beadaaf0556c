// SPDX-License-Identifier: GPL-3.0-or-later
// "Generate token": signs a client token for a session locally and shows what it contains.
#pragma once

#include "auth/ClientToken.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace otadmin {

class AppContext;
class TokenInspectionView;

/// Tokens are signed on this computer with the active profile's key and secret (read from the
/// workspace's RestClient at the moment of signing, never stored here); no request is sent.
/// The form validates as the user types (validateClientToken, the message names the field)
/// and Generate stays disabled while it is invalid. The token is a secret: Copy goes through
/// SecureClipboard::copySecret. Role, expiry preset and format are remembered per profile.
/// The dialog closes itself when the profile changes.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    TokenDialog(AppContext &context, const QString &sessionId, const QString &sessionTitle,
        QWidget *parent = nullptr);

    /// The options as they would be signed now (presets resolve against the clock).
    ClientTokenOptions options() const;
    QString token() const;

private:
    void generate();
    void updateState();
    void remember();
    void restore();
    Validation validation() const;

    AppContext &m_context;
    QString m_sessionId;
    QString m_profileName;
    QComboBox *m_role;
    QComboBox *m_expiry;
    QDateTimeEdit *m_expiryAt;
    QPlainTextEdit *m_data;
    QLabel *m_dataCount;
    QLineEdit *m_classes;
    QRadioButton *m_jwt;
    QRadioButton *m_t1;
    QLabel *m_validation;
    QPushButton *m_generate;
    QPlainTextEdit *m_token;
    QPushButton *m_copy;
    QLabel *m_copyNote;
    TokenInspectionView *m_inspection;
};

} // namespace otadmin
