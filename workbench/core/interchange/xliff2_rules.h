#pragma once
// Shared by the XLIFF 2 validator's rule files (xliff2_validator.cpp for structure and
// document-wide rules, xliff2_inline_rules.cpp for inline content); not a public API.

#include "common/diagnostic.h"
#include "interchange/xliff2_tree.h"

#include <QSet>
#include <QString>

#include <optional>

namespace wb::xliff2 {

namespace ns {
inline const QString core20 = QStringLiteral("urn:oasis:names:tc:xliff:document:2.0");
inline const QString core22 = QStringLiteral("urn:oasis:names:tc:xliff:document:2.2");
inline const QString xml = QStringLiteral("http://www.w3.org/XML/1998/namespace");
inline const QString xsi = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
inline const QString fs = QStringLiteral("urn:oasis:names:tc:xliff:fs:2.0");
inline const QString slr = QStringLiteral("urn:oasis:names:tc:xliff:sizerestriction:2.0");
inline const QString mtc = QStringLiteral("urn:oasis:names:tc:xliff:matches:2.0");
inline const QString gls = QStringLiteral("urn:oasis:names:tc:xliff:glossary:2.0");
inline const QString mda = QStringLiteral("urn:oasis:names:tc:xliff:metadata:2.0");
inline const QString res = QStringLiteral("urn:oasis:names:tc:xliff:resourcedata:2.0");
inline const QString ctr = QStringLiteral("urn:oasis:names:tc:xliff:changetracking:2.0");
inline const QString val = QStringLiteral("urn:oasis:names:tc:xliff:validation:2.0");
inline const QString its = QStringLiteral("http://www.w3.org/2005/11/its");
inline const QString itsm = QStringLiteral("urn:oasis:names:tc:xliff:itsm:2.1");
inline const QString pgs = QStringLiteral("urn:oasis:names:tc:xliff:pgs:1.0");
} // namespace ns

/// " (XLIFF 2.0 §4.2.3.5)": every message ends by naming the section that states the rule.
inline QString cite(const char *section)
{
    return QStringLiteral(" (XLIFF 2.0 §%1)").arg(QLatin1String(section));
}

/// Collects the diagnostics of one validation run.
class Report {
public:
    explicit Report(QString path) : m_path(std::move(path)) {}
    void error(const XmlElement &at, const QString &message)
    {
        m_diagnostics.append(Diagnostic{ErrorKind::InvalidInput, m_path, at.line, at.column, message});
    }
    /// The diagnostics in document order.
    Diagnostics take();

private:
    QString m_path;
    Diagnostics m_diagnostics;
};

/// What every rule needs to know about the document being checked.
struct Context {
    QString coreNamespace; ///< the root's namespace: the 2.0 one, or the 2.2 one
    QString srcLang;
    QString trgLang;
    Report *report = nullptr;

    bool isCore(const XmlElement &e) const { return e.namespaceUri == coreNamespace; }
    bool isCore(const XmlElement &e, QAnyStringView name) const { return e.is(coreNamespace, name); }
    void error(const XmlElement &at, const QString &message) const { report->error(at, message); }
};

/// XML Schema NMTOKEN: one or more name characters (letters, digits, '.', '-', '_', ':', ...).
bool isNmToken(QStringView value);

/// A same-document fragment identifier (XLIFF 2.0 §3), "#f=f1/u=u1/n=n1" read as
/// selectors [f=f1][u=u1][n=n1]. An empty prefix is a source inline element, segment or
/// ignorable.
struct FragmentSelector {
    QString prefix;
    QString id;
};
struct FragmentIdentifier {
    QList<FragmentSelector> selectors;
    const FragmentSelector *find(QStringView prefix) const;
    const FragmentSelector *leaf() const { return selectors.isEmpty() ? nullptr : &selectors.last(); }
};

/// Parses and checks `reference` when it is a same-document reference ("#..."). Returns the
/// rule broken, or nothing when the reference is valid or points into another document.
std::optional<QString> fragmentIdentifierError(const QString &reference);
/// The selectors of a same-document reference already known to be valid.
FragmentIdentifier parseFragmentIdentifier(const QString &reference);

/// Inline content rules for one <unit> (inline codes, annotations, editing hints, original
/// data, sub-flows). `fileUnitIds` are the ids of every unit in the enclosing <file>.
void checkUnitInlineContent(const XmlElement &unit, const QSet<QString> &fileUnitIds, const Context &ctx);

} // namespace wb::xliff2
