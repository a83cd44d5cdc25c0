#pragma once
#include <QTextBrowser>

namespace wb { struct PoEntry; }

namespace wb::gui {

/// The review record of the current unit: what changed (the reviewer's correction against
/// the translator's version, word by word), the comment thread, annotated errors and
/// who did what when.
class ReviewPanel : public QTextBrowser {
public:
    using QTextBrowser::QTextBrowser;
    void showEntry(const PoEntry *entry, const QString &currentTarget);
};

} // namespace wb::gui
