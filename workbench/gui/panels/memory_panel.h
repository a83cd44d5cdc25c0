#pragma once
#include "qa/finding.h"
#include <QListWidget>
#include <functional>

namespace wb { struct TmMatch; }

namespace wb::gui {

/// Translation memory matches of the current unit, best first. Each shows its score, the
/// target with placeholders as chips, the match's source against the current source as a
/// coloured word diff, where it comes from (file or user, and date) and a QA mark when the
/// target would bring an error (a forbidden term, a wrong number) into the translation.
/// Double-click, Enter or Ctrl+Alt+1..3 use a match.
class MemoryPanel : public QListWidget {
    Q_OBJECT
public:
    explicit MemoryPanel(QWidget *parent = nullptr);
    /// `check` gives the findings the unit would have with a match's target.
    void showMatches(const QList<TmMatch> &matches, const QString &currentSource,
                     const std::function<Findings(const QString &target)> &check);
    /// The n-th match's target (0-based), or an empty string.
    QString targetOf(int n) const;

signals:
    void useRequested(int n);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

/// Rich text for one match (what the panel paints; tests read it).
QString memoryMatchHtml(int number, const TmMatch &match, const QString &currentSource, const Findings &findings);

} // namespace wb::gui
