#include "qa/terminology_check.h"
#include "spell/hunspell_dictionary.h"
#include "spell/spell_checker.h"

#include <QRegularExpression>

#include <QHash>
#include <QSet>

namespace wb {
namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201C%1\u201D").arg(text);
}

QString alternatives(const QList<const Term *> &terms)
{
    QStringList names;
    for (const Term *t : terms)
        if (!names.contains(t->text))
            names.append(quoted(t->text));
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace

TerminologyChecker::TerminologyChecker(std::shared_ptr<const Termbase> termbase, const QString &sourceLanguage,
                                       const QString &targetLanguage, std::shared_ptr<HunspellDictionary> sourceDictionary,
                                       std::shared_ptr<HunspellDictionary> targetDictionary)
    : m_termbase(std::move(termbase)), m_sourceLanguage(sourceLanguage), m_targetLanguage(targetLanguage),
      m_sourceDictionary(std::move(sourceDictionary)), m_targetDictionary(std::move(targetDictionary)),
      m_sourceTokenizer(sourceLanguage), m_targetTokenizer(targetLanguage),
      m_sourceNormalizer(m_sourceDictionary.get()), m_targetNormalizer(m_targetDictionary.get())
{
    m_sourceIndex = std::make_unique<TermIndex>(*m_termbase, sourceLanguage, m_sourceTokenizer, m_sourceNormalizer);
    m_targetIndex = std::make_unique<TermIndex>(*m_termbase, targetLanguage, m_targetTokenizer, m_targetNormalizer);
}

TerminologyChecker::~TerminologyChecker() = default;

QList<SourceTermHit> TerminologyChecker::recognize(const QString &sourceText)
{
    QList<SourceTermHit> hits;
    for (const TermMatch &match : m_sourceIndex->find(m_sourceTokenizer.tokenize(sourceText), m_sourceNormalizer)) {
        // One matched text may name several concepts (rare); each gets its own hit.
        QList<int> seen;
        for (const TermMatch::Ref &ref : match.refs) {
            if (seen.contains(ref.conceptIndex))
                continue;
            seen.append(ref.conceptIndex);
            const Concept &c = m_termbase->concepts[ref.conceptIndex];
            SourceTermHit hit{&c, &c.terms[ref.termIndex], match.span, {}, {}};
            for (const Term &t : c.terms) {
                if (!sameLanguage(t.language, m_targetLanguage))
                    continue;
                if (t.isAcceptable())
                    (t.status == TermStatus::Preferred ? hit.acceptable.prepend(&t) : hit.acceptable.append(&t));
                else
                    hit.unacceptable.append(&t);
            }
            if (!hit.acceptable.isEmpty() || !hit.unacceptable.isEmpty())
                hits.append(hit);
        }
    }
    return hits;
}

namespace {

// Stretches of the source the target keeps as they are: addresses and multi-word names
// ("American Cancer Society", "cancer.org/lung"). Terms inside them are not translated.
QList<TextSpan> keptVerbatim(const QString &source, const QString &target)
{
    static const QRegularExpression name(QStringLiteral(
        R"(\b\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?\p{Lu}[\p{L}\p{M}'’-]*)+)"));
    QList<TextSpan> kept;
    for (const TextSpan &address : addressSpans(source))
        if (target.contains(source.mid(address.start, address.length)))
            kept.append(address);
    static const QRegularExpression capitalizedWord(QStringLiteral(R"(\b\p{Lu})"));
    for (auto it = name.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        // A sentence's first word may stand before the name: "Call the American Cancer
        // Society" keeps "American Cancer Society". Try the run, then it without its
        // leading words.
        for (auto word = capitalizedWord.globalMatch(m.captured()); word.hasNext();) {
            const qsizetype from = word.next().capturedStart();
            const QString candidate = m.captured().mid(from);
            if (candidate.contains(QLatin1Char(' ')) && target.contains(candidate)) {
                kept.append(TextSpan{int(m.capturedStart() + from), int(candidate.size())});
                break;
            }
        }
    }
    return kept;
}

} // namespace

Findings TerminologyChecker::check(const QString &source, const QString &target)
{
    Findings findings;
    QList<SourceTermHit> hits = recognize(source);
    const QList<TextSpan> kept = keptVerbatim(source, target);
    hits.removeIf([&](const SourceTermHit &hit) { return anySpanContains(kept, hit.span); });
    if (hits.isEmpty())
        return findings;

    QSet<const Concept *> named;
    for (const SourceTermHit &hit : hits)
        named.insert(hit.termConcept);

    // What the target holds, per concept: acceptable occurrences anywhere (overlaps
    // included: "tratamiento del cáncer" also holds "tratamiento" and "cáncer"), and
    // unacceptable ones among the longest matches only (so that a forbidden bare
    // "médula" is not seen inside an approved "médula ósea").
    struct TargetUse { int acceptable = 0; QList<QPair<const Term *, TextSpan>> unacceptable; };
    QHash<const Concept *, TargetUse> uses;
    const QList<Token> targetTokens = m_targetTokenizer.tokenize(target);
    QHash<const Concept *, QList<int>> acceptableStarts;
    for (const TermMatch &match : m_targetIndex->findAll(targetTokens, m_targetNormalizer)) {
        for (const TermMatch::Ref &ref : match.refs) {
            const Concept *c = &m_termbase->concepts[ref.conceptIndex];
            if (c->terms[ref.termIndex].isAcceptable() && !acceptableStarts[c].contains(match.span.start))
                acceptableStarts[c].append(match.span.start);
        }
    }
    for (auto it = acceptableStarts.cbegin(); it != acceptableStarts.cend(); ++it)
        uses[it.key()].acceptable = int(it.value().size());
    for (const TermMatch &match : m_targetIndex->find(targetTokens, m_targetNormalizer, true)) {
        // A term right for one concept of the source is not wrong for another: "médula
        // ósea" is forbidden for "spinal cord" only when the source does not say "bone marrow".
        const bool rightForANamedConcept = std::any_of(match.refs.cbegin(), match.refs.cend(), [&](const TermMatch::Ref &ref) {
            const Concept &c = m_termbase->concepts[ref.conceptIndex];
            return named.contains(&c) && c.terms[ref.termIndex].isAcceptable();
        });
        if (rightForANamedConcept)
            continue;
        for (const TermMatch::Ref &ref : match.refs) {
            const Concept *c = &m_termbase->concepts[ref.conceptIndex];
            const Term *t = &c->terms[ref.termIndex];
            if (!t->isAcceptable())
                uses[c].unacceptable.append({t, match.span});
        }
    }

    QHash<const Concept *, QList<const SourceTermHit *>> byConcept;
    QList<const Concept *> order;
    for (const SourceTermHit &hit : hits) {
        if (!byConcept.contains(hit.termConcept))
            order.append(hit.termConcept);
        byConcept[hit.termConcept].append(&hit);
    }
    for (const Concept *c : order) {
        const QList<const SourceTermHit *> &inSource = byConcept[c];
        const SourceTermHit &first = *inSource.first();
        const TargetUse use = uses.value(c);
        const QString sourceName = quoted(source.mid(first.span.start, first.span.length));
        const QString use_ = first.acceptable.isEmpty() ? QString() : QStringLiteral("; use %1").arg(alternatives(first.acceptable));

        for (const auto &[term, span] : use.unacceptable) {
            const bool outdated = term->status == TermStatus::Superseded;
            Finding f;
            f.check = outdated ? QStringLiteral("terminology.outdated") : QStringLiteral("terminology.forbidden");
            f.severity = outdated ? Severity::Warning : Severity::Error;
            f.message = QStringLiteral("%1 is %2 for %3%4%5")
                            .arg(quoted(target.mid(span.start, span.length)),
                                 outdated ? QStringLiteral("outdated") : QStringLiteral("forbidden"), sourceName,
                                 term->note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(term->note), use_);
            f.targetSpan = span;
            f.sourceSpan = first.span;
            f.subject = c->id;
            findings.append(f);
        }
        if (first.acceptable.isEmpty())
            continue; // the glossary only says what not to write
        if (use.acceptable == 0 && use.unacceptable.isEmpty()) {
            Finding f;
            // A translator may rephrase ("exposure to radiation" -> "haber estado expuesto a
            // la radiación"), so a term the glossary cannot find is a warning to look at.
            // Only where a wrong rendering harms a patient is its absence an error.
            f.check = QStringLiteral("terminology.missing");
            f.severity = c->isCritical() ? Severity::Error : Severity::Warning;
            f.message = QStringLiteral("%1 is not rendered with the glossary term%2: use %3")
                            .arg(sourceName,
                                 c->isCritical() ? QStringLiteral(" of a patient-safety-critical concept") : QString(),
                                 alternatives(first.acceptable));
            f.sourceSpan = first.span;
            f.subject = c->id;
            findings.append(f);
        } else if (use.acceptable > 0 && use.acceptable < inSource.size()) {
            Finding f;
            f.check = QStringLiteral("terminology.count");
            f.severity = Severity::Warning;
            QStringList named;
            for (const SourceTermHit *hit : inSource)
                if (!named.contains(quoted(source.mid(hit->span.start, hit->span.length))))
                    named.append(quoted(source.mid(hit->span.start, hit->span.length)));
            f.message = QStringLiteral("the source names this concept %1 times (%2) but the target uses its glossary terms "
                                       "%3 %4 (%5)")
                            .arg(inSource.size()).arg(named.join(QStringLiteral(", "))).arg(use.acceptable)
                            .arg(use.acceptable == 1 ? QStringLiteral("time") : QStringLiteral("times"),
                                 alternatives(first.acceptable));
            f.sourceSpan = inSource.at(use.acceptable)->span;
            f.subject = c->id;
            findings.append(f);
        }
    }
    return findings;
}

} // namespace wb
