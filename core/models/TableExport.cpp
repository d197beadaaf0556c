// SPDX-License-Identifier: GPL-3.0-or-later
// CSV and JSON export of table models.
#include "models/TableExport.h"

#include "models/KeyedTableModel.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace otadmin {

namespace {

QVariant exportValue(const QAbstractItemModel &model, int row, int column)
{
    const QModelIndex index = model.index(row, column);
    const QVariant value = model.data(index, ModelRole::Export);
    return value.isValid() ? value : model.data(index, Qt::DisplayRole);
}

QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList names;
    for (int column = 0; column < model.columnCount(); ++column)
        names << model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    return names;
}

} // namespace

QByteArray exportCsv(const QAbstractItemModel &model)
{
    QStringList lines;
    QStringList fields;
    for (const QString &name : headers(model))
        fields << csvField(name);
    lines << fields.join(QLatin1Char(','));
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < model.columnCount(); ++column)
            fields << csvField(exportValue(model, row, column).toString());
        lines << fields.join(QLatin1Char(','));
    }
    return (lines.join(QLatin1String("\r\n")) + QLatin1String("\r\n")).toUtf8();
}

QByteArray exportJson(const QAbstractItemModel &model)
{
    const QStringList names = headers(model);
    QJsonArray rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QJsonObject object;
        for (int column = 0; column < names.size(); ++column)
            object.insert(
                names.at(column), QJsonValue::fromVariant(exportValue(model, row, column)));
        rows.append(object);
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Indented);
}

} // namespace otadmin
