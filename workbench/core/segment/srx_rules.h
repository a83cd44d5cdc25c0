#pragma once
#include "common/result.h"
#include <QByteArray>
#include <QList>
#include <QString>

namespace wb {

/// One SRX 2.0 rule: at a position where `before` ends and `after` starts, break or not.
struct SrxRule {
    bool breaks = true;
    QString before;   ///< ICU regular expression (SRX 2.0 uses ICU's syntax)
    QString after;
    int line = 0;     ///< where the rule is in its file, for messages
};

/// The rules of an SRX 2.0 document (LISA/GALA Segmentation Rules eXchange), read with
/// QXmlStreamReader. Elements in foreign namespaces (tool extensions) are ignored.
class SrxRules {
public:
    /// Parses SRX bytes; `path` names the file in diagnostics.
    static Result<SrxRules> parse(const QByteArray &xml, const QString &path);
    static Result<SrxRules> load(const QString &path);

    /// The rules that apply to a language code (e.g. "en", "es-US"), following the
    /// map rules in order; with cascade="yes" every matching map contributes.
    QList<SrxRule> rulesFor(const QString &language) const;

    bool cascade() const { return m_cascade; }
    QStringList ruleSetNames() const;

private:
    struct LanguageMap { QString pattern; QString ruleSet; int line = 0; };
    struct RuleSet { QString name; QList<SrxRule> rules; };
    bool m_cascade = false;
    QList<RuleSet> m_ruleSets;
    QList<LanguageMap> m_maps;
};

} // namespace wb
