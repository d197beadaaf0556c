// SPDX-License-Identifier: GPL-3.0-or-later
// TokenInspectionView: verdict badge, expiry line and the table of decoded fields.
#include "sessions/TokenInspectionView.h"

#include "common/StatusBadge.h"
#include "models/Format.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace otadmin {

namespace {

bool isTimeField(const QString &name)
{
    static const QStringList names {QStringLiteral("create_time"), QStringLiteral("expire_time"),
        QStringLiteral("iat"), QStringLiteral("exp"), QStringLiteral("nbf")};
    return names.contains(name);
}

} // namespace

TokenInspectionView::TokenInspectionView(QWidget *parent)
    : QWidget(parent),
      m_verdict(new StatusBadge(this)),
      m_summary(new QLabel(this)),
      m_fields(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("tokenInspection"));
    m_verdict->setObjectName(QStringLiteral("tokenVerdict"));
    m_summary->setObjectName(QStringLiteral("tokenSummary"));
    m_summary->setWordWrap(true);
    m_fields->setObjectName(QStringLiteral("tokenFieldsTable"));
    m_fields->setAccessibleName(tr("Decoded token fields"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->verticalHeader()->hide();
    m_fields->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_verdict);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_fields, 1);
    clear();
}

void TokenInspectionView::clear()
{
    m_verdict->setStatus(QString(), QString());
    m_verdict->hide();
    m_summary->setText(tr("Generate a token to see what it contains."));
    m_fields->setRowCount(0);
}

QString TokenInspectionView::verdict() const
{
    return m_verdict->isHidden() ? QString() : m_verdict->status();
}

void TokenInspectionView::setInspection(
    const TokenInspection &inspection, const QString &checkedWith)
{
    QString status;
    QString summary;
    switch (inspection.verdict) {
    case TokenInspection::Verdict::Valid:
        status = QStringLiteral("valid");
        summary = inspection.signature == TokenInspection::Signature::Valid
            ? tr("Signature verified with the secret of %1.").arg(checkedWith)
            : tr("Well-formed; the signature was not checked.");
        break;
    case TokenInspection::Verdict::Expired:
        status = QStringLiteral("expired");
        summary = tr("The token has expired.");
        break;
    case TokenInspection::Verdict::BadSignature:
        status = QStringLiteral("invalid");
        summary = tr("The signature does not match the secret of %1.").arg(checkedWith);
        break;
    case TokenInspection::Verdict::Malformed:
        status = QStringLiteral("invalid");
        summary = tr("Not a readable token: %1").arg(inspection.error);
        break;
    }
    if (inspection.expireTime) {
        const qint64 ms = *inspection.expireTime * 1000;
        summary += QLatin1Char(' ') + tr("Expires %1.").arg(formatLocalTime(ms));
        m_summary->setToolTip(formatUtcTime(ms));
    }
    m_verdict->setStatus(status);
    m_verdict->show();
    m_summary->setText(summary);

    m_fields->setRowCount(int(inspection.fields.size()));
    for (int row = 0; row < inspection.fields.size(); ++row) {
        const auto &[name, value] = inspection.fields.at(row);
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setToolTip(value);
        bool isNumber = false;
        const qint64 secs = value.toLongLong(&isNumber);
        if (isTimeField(name) && isNumber) {
            valueItem->setText(tr("%1 (%2)").arg(value, formatLocalTime(secs * 1000)));
            valueItem->setToolTip(formatUtcTime(secs * 1000));
        }
        m_fields->setItem(row, 0, new QTableWidgetItem(name));
        m_fields->setItem(row, 1, valueItem);
    }
}

} // namespace otadmin
