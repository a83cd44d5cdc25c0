#pragma once
#include <QListWidget>

namespace wb { struct SourceTermHit; }

namespace wb::gui {

/// Glossary hits of the current unit: the source term, what to write (preferred first)
/// and what never to write. Click or Ctrl+1..9 inserts the preferred term, in the plural
/// when the source has the term in the plural.
class GlossaryPanel : public QListWidget {
    Q_OBJECT
public:
    explicit GlossaryPanel(QWidget *parent = nullptr);
    void showHits(const QList<SourceTermHit> &hits, const QString &source);
    /// The text the n-th hit (0-based) inserts, or an empty string.
    QString insertionFor(int n) const;

signals:
    void insertRequested(const QString &text);
};

/// A Spanish term in the plural: each inflecting word gets -s or -es (-z: -ces).
QString spanishPlural(const QString &term);

} // namespace wb::gui
