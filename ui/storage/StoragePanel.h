// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage panel: where the project's finished archives are uploaded (S3 or Azure).
#pragma once

#include "common/Panel.h"

class QLabel;
class QPushButton;

namespace otadmin {

class StorageForm;
struct StorageTarget;

/// The service can set and remove the upload target but not report it, so "current" is what
/// was last saved or removed from this app for the profile (kept in the settings without any
/// key). Refresh (F5) reads that record again.
class StoragePanel : public Panel
{
    Q_OBJECT

public:
    explicit StoragePanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Storage"); }
    QString title() const override { return areaTitle(); }
    void refresh() override;
    void startPrimaryAction() override;

protected:
    void profileActivated(const Profile &profile) override;

private:
    void save();
    void confirmRemove();
    void remove();
    void recordChanged(const StorageTarget &target);
    void recordDeleted();
    void showCurrent();

    StorageForm *m_form;
    QLabel *m_current;
    QLabel *m_currentNote;
    QPushButton *m_refresh;
    QPushButton *m_save;
    QPushButton *m_delete;
    QString m_profileName;
};

} // namespace otadmin
