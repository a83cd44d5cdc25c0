// XLIFF 2 validation of inline content, one <unit> at a time: inline codes and their
// pairing, original data, copies, editing hints (canCopy/canDelete/canReorder),
// annotations and the fragment identifiers they use, sub-flows and <cp>.
//
// A unit's content is read as two streams: the sources of its segments and ignorables in
// document order, and their targets in display order (the order attribute). A code pair or
// a non-reorderable sequence may run across segments, so the rules work on whole streams.

#include "interchange/xliff2_rules.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace wb::xliff2 {

// ---------------------------------------------------------------------------------------
// Fragment identifiers (§3)

namespace {

bool isStructuralPrefix(QStringView p) { return p == u"f" || p == u"g" || p == u"u"; }

// One-character prefixes belong to the core: file, group, unit, note, data, target inline.
bool isCorePrefix(QStringView p) { return isStructuralPrefix(p) || p == u"n" || p == u"d" || p == u"t"; }

// Prefixes of the XLIFF modules whose elements carry ids, and the extension prefixes
// registered with the XLIFF TC that this validator knows (TBX, ISO 30042, for termbases
// embedded as extensions).
bool isKnownLongPrefix(QStringView p)
{
    static const QStringList known = {QStringLiteral("mtc"), QStringLiteral("gls"), QStringLiteral("mda"),
                                      QStringLiteral("res"), QStringLiteral("ctr"), QStringLiteral("slr"),
                                      QStringLiteral("val"), QStringLiteral("its"), QStringLiteral("tbx")};
    return known.contains(p.toString());
}

std::optional<QString> selectorProblem(QStringView selector)
{
    if (selector.isEmpty())
        return QStringLiteral("has an empty selector");
    if (selector.count(u'=') > 1)
        return QStringLiteral("selector '%1' has more than one '='").arg(selector);
    const qsizetype eq = selector.indexOf(u'=');
    const QStringView prefix = eq < 0 ? QStringView() : selector.left(eq);
    const QStringView id = eq < 0 ? selector : selector.mid(eq + 1);
    if (eq == 0)
        return QStringLiteral("selector '%1' has an empty prefix").arg(selector);
    if (eq > 0 && !isNmToken(prefix))
        return QStringLiteral("prefix '%1' is not an NMTOKEN").arg(prefix);
    if (!isNmToken(id))
        return QStringLiteral("id '%1' is not an NMTOKEN").arg(id);
    if (eq > 0 && !isCorePrefix(prefix)) {
        if (prefix.size() < 2)
            return QStringLiteral("prefix '%1' is not a core prefix (f, g, u, n, d, t); module and extension prefixes "
                                  "have at least two characters").arg(prefix);
        if (!isKnownLongPrefix(prefix))
            return QStringLiteral("prefix '%1' is neither an XLIFF module prefix nor a registered extension prefix").arg(prefix);
    }
    return std::nullopt;
}

// The leaf (a note, data, inline element, segment or module/extension item) comes once,
// and last.
std::optional<QString> leafProblem(const QList<FragmentSelector> &selectors)
{
    const auto leafCount = std::count_if(selectors.begin(), selectors.end(),
                                         [](const FragmentSelector &s) { return !isStructuralPrefix(s.prefix); });
    if (leafCount > 1)
        return QStringLiteral("has more than one leaf selector (note, data, inline element, segment or module item)");
    for (qsizetype i = 0; i + 1 < selectors.size(); ++i) {
        if (!isStructuralPrefix(selectors[i].prefix))
            return QStringLiteral("leaf selector '%1' must be the last one").arg(selectors[i].prefix + u'=' + selectors[i].id);
    }
    return std::nullopt;
}

std::optional<QString> repeatedPrefixProblem(const QList<FragmentSelector> &selectors)
{
    QStringList seen;
    for (const FragmentSelector &s : selectors) {
        if (seen.contains(s.prefix))
            return QStringLiteral("prefix '%1' appears twice").arg(s.prefix);
        seen << s.prefix;
    }
    return std::nullopt;
}

// File, group and unit selectors go from the outside in.
std::optional<QString> structuralOrderProblem(const QList<FragmentSelector> &selectors)
{
    const QString order = QStringLiteral("fgu");
    qsizetype last = -1;
    for (const FragmentSelector &s : selectors) {
        const qsizetype rank = isStructuralPrefix(s.prefix) ? order.indexOf(s.prefix) : order.size();
        if (rank < last)
            return QStringLiteral("selectors must come in the order f, g, u, then the leaf");
        last = rank;
    }
    return std::nullopt;
}

/// What follows "#" (and the "/" of an absolute reference, which starts at the <xliff>).
QStringView fragmentBody(const QString &reference)
{
    QStringView body = QStringView(reference).mid(1);
    return body.startsWith(u'/') ? body.mid(1) : body;
}

} // namespace

const FragmentSelector *FragmentIdentifier::find(QStringView prefix) const
{
    for (const FragmentSelector &s : selectors) {
        if (s.prefix == prefix)
            return &s;
    }
    return nullptr;
}

FragmentIdentifier parseFragmentIdentifier(const QString &reference)
{
    FragmentIdentifier fragment;
    for (QStringView selector : fragmentBody(reference).split(u'/')) {
        const qsizetype eq = selector.indexOf(u'=');
        fragment.selectors.append(eq < 0 ? FragmentSelector{QString(), selector.toString()}
                                         : FragmentSelector{selector.left(eq).toString(), selector.mid(eq + 1).toString()});
    }
    return fragment;
}

std::optional<QString> fragmentIdentifierError(const QString &reference)
{
    if (!reference.startsWith(u'#'))
        return std::nullopt; // another document, or not a fragment: nothing to check here
    const QStringView body = fragmentBody(reference);
    if (body.isEmpty())
        return QStringLiteral("the fragment identifier has no selector");
    for (QStringView selector : body.split(u'/')) {
        if (const auto why = selectorProblem(selector))
            return QStringLiteral("the fragment identifier ") + *why;
    }
    const QList<FragmentSelector> selectors = parseFragmentIdentifier(reference).selectors;
    for (const auto &problem : {leafProblem, repeatedPrefixProblem, structuralOrderProblem}) {
        if (const auto why = problem(selectors))
            return QStringLiteral("the fragment identifier ") + *why;
    }
    return std::nullopt;
}

namespace {

// ---------------------------------------------------------------------------------------
// The unit's content

/// An inline code as re-ordering sees it: a <ph>, the start or end of a <pc>, an <sc>, an
/// <ec>. `key` matches the same code in source and target (a <pc> and an <sc>/<ec> pair
/// with the same id are the same code, in either representation).
struct CodeToken {
    const XmlElement *element;
    QString key;
    QString canReorder;
};

struct UnitContent {
    const XmlElement *unit = nullptr;
    const Context *ctx = nullptr;
    QString label;                            ///< "unit 'u1': ", to start messages
    QList<const XmlElement *> parts;          ///< <segment> and <ignorable>, document order
    QList<const XmlElement *> sources;        ///< their <source>s, document order
    QList<const XmlElement *> targets;        ///< their <target>s, display order
    QList<const XmlElement *> sourceInline;   ///< inline elements of the sources, document order
    QList<const XmlElement *> targetInline;   ///< inline elements of the targets, display order
    QSet<QString> dataIds;
    bool targetsComplete = true;              ///< every part with inline elements has a target

    void error(const XmlElement &at, const QString &message) const { ctx->error(at, label + message); }
};

bool isCode(const XmlElement &e, const Context &ctx)
{
    return ctx.isCore(e) && (e.name == u"ph" || e.name == u"pc" || e.name == u"sc" || e.name == u"ec");
}

QString yesByDefault(const XmlElement &e, QAnyStringView hint) { return e.attribute(hint, QStringLiteral("yes")); }

bool isIsolated(const XmlElement &e) { return e.attribute(u"isolated") == u"yes"; }

/// "<ph id='1'>", "<ec startRef='2'>": how messages name an inline element.
QString describe(const XmlElement &e)
{
    if (e.hasAttribute(u"id"))
        return QStringLiteral("<%1 id='%2'>").arg(e.qualifiedName, e.attribute(u"id"));
    if (e.hasAttribute(u"startRef"))
        return QStringLiteral("<%1 startRef='%2'>").arg(e.qualifiedName, e.attribute(u"startRef"));
    return QStringLiteral("<%1>").arg(e.qualifiedName);
}

void appendInline(const XmlElement &content, const Context &ctx, QList<const XmlElement *> &out)
{
    for (const auto &child : content.children) {
        if (!ctx.isCore(*child))
            continue;
        out.append(child.get());
        appendInline(*child, ctx, out);
    }
}

void appendCodeTokens(const XmlElement &content, const Context &ctx, QList<CodeToken> &out)
{
    for (const auto &child : content.children) {
        const XmlElement &e = *child;
        if (!ctx.isCore(e))
            continue;
        const QString reorder = yesByDefault(e, u"canReorder");
        if (e.name == u"ph") {
            out.append({&e, QStringLiteral("ph:") + e.attribute(u"id"), reorder});
        } else if (e.name == u"sc") {
            out.append({&e, QStringLiteral("start:") + e.attribute(u"id"), reorder});
        } else if (e.name == u"ec") {
            out.append({&e, e.hasAttribute(u"startRef") ? QStringLiteral("end:") + e.attribute(u"startRef") : QStringLiteral("ec:") + e.attribute(u"id"), reorder});
        } else if (e.name == u"pc") {
            out.append({&e, QStringLiteral("start:") + e.attribute(u"id"), reorder});
            appendCodeTokens(e, ctx, out);
            // The end of a <pc> is to its start what an <ec> is to its <sc>: a sequence's
            // first code ends with a code that continues the sequence.
            out.append({&e, QStringLiteral("end:") + e.attribute(u"id"), reorder == u"firstNo" ? QStringLiteral("no") : reorder});
        } else {
            appendCodeTokens(e, ctx, out); // codes inside annotations
        }
    }
}

QList<CodeToken> codeTokens(const QList<const XmlElement *> &contents, const Context &ctx)
{
    QList<CodeToken> tokens;
    for (const XmlElement *content : contents)
        appendCodeTokens(*content, ctx, tokens);
    return tokens;
}

qint64 displayOrder(const XmlElement &target, qint64 position)
{
    bool ok = false;
    const qint64 order = target.attribute(u"order").toLongLong(&ok);
    return ok && order > 0 ? order : position;
}

UnitContent readUnitContent(const XmlElement &unit, const Context &ctx)
{
    UnitContent uc;
    uc.unit = &unit;
    uc.ctx = &ctx;
    uc.label = QStringLiteral("unit '%1': ").arg(unit.attribute(u"id"));
    QList<QPair<qint64, const XmlElement *>> ordered;
    for (const auto &child : unit.children) {
        if (!ctx.isCore(*child, u"segment") && !ctx.isCore(*child, u"ignorable"))
            continue;
        uc.parts.append(child.get());
        const XmlElement *source = child->firstChild(ctx.coreNamespace, u"source");
        if (source)
            uc.sources.append(source);
        const XmlElement *target = child->firstChild(ctx.coreNamespace, u"target");
        if (target)
            ordered.append({displayOrder(*target, uc.parts.size()), target});
        else if (source && !source->children.empty())
            uc.targetsComplete = false; // inline elements still to translate
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &entry : ordered)
        uc.targets.append(entry.second);
    for (const XmlElement *source : uc.sources)
        appendInline(*source, ctx, uc.sourceInline);
    for (const XmlElement *target : uc.targets)
        appendInline(*target, ctx, uc.targetInline);
    if (const XmlElement *originalData = unit.firstChild(ctx.coreNamespace, u"originalData")) {
        for (const XmlElement *data : originalData->childrenNamed(ctx.coreNamespace, u"data"))
            uc.dataIds.insert(data->attribute(u"id"));
    }
    return uc;
}

QList<const XmlElement *> allInline(const UnitContent &uc) { return uc.sourceInline + uc.targetInline; }

const char *sectionOf(const XmlElement &e)
{
    static const QHash<QString, const char *> sections = {
        {QStringLiteral("segment"), "4.2.2.6"}, {QStringLiteral("ignorable"), "4.2.2.7"}, {QStringLiteral("cp"), "4.2.3.1"},
        {QStringLiteral("ph"), "4.2.3.2"}, {QStringLiteral("pc"), "4.2.3.3"}, {QStringLiteral("sc"), "4.2.3.4"},
        {QStringLiteral("ec"), "4.2.3.5"}, {QStringLiteral("mrk"), "4.2.3.6"}, {QStringLiteral("sm"), "4.2.3.7"},
        {QStringLiteral("em"), "4.2.3.8"}};
    return sections.value(e.name, "4.2");
}

// ---------------------------------------------------------------------------------------
// Ids

bool carriesInlineId(const XmlElement &e)
{
    return e.hasAttribute(u"id") && e.name != u"cp" && e.name != u"em";
}

/// Elements that may stand for each other in source and target: a <pc> may become an
/// <sc>/<ec> pair and back, an <mrk> an <sm>/<em> pair.
QString idFamily(const XmlElement &e)
{
    if (e.name == u"pc" || e.name == u"sc")
        return QStringLiteral("start");
    if (e.name == u"mrk" || e.name == u"sm")
        return QStringLiteral("annotation");
    return e.name;
}

// Segments, ignorables and the source's inline elements share one id space per unit; a
// target's inline elements reuse the id of the source element they correspond to, and no
// other id.
void checkIds(const UnitContent &uc)
{
    QHash<QString, const XmlElement *> sourceIds;
    const auto claim = [&](const XmlElement &e) {
        const QString id = e.attribute(u"id");
        if (const XmlElement *first = sourceIds.value(id))
            uc.error(e, QStringLiteral("%1 reuses id '%2' of the %3 at line %4; segments, ignorables and source inline "
                                       "elements need distinct ids within a unit")
                            .arg(describe(e), id, describe(*first)).arg(first->line) + cite(sectionOf(e)));
        else
            sourceIds.insert(id, &e);
    };
    for (const XmlElement *part : uc.parts) {
        if (part->hasAttribute(u"id"))
            claim(*part);
    }
    for (const XmlElement *e : uc.sourceInline) {
        if (carriesInlineId(*e))
            claim(*e);
    }
    QHash<QString, const XmlElement *> targetIds;
    for (const XmlElement *e : uc.targetInline) {
        if (!carriesInlineId(*e))
            continue;
        const QString id = e->attribute(u"id");
        const XmlElement *inSource = sourceIds.value(id);
        if (const XmlElement *first = targetIds.value(id)) {
            uc.error(*e, QStringLiteral("%1 reuses id '%2' of the %3 at line %4 in the target content")
                             .arg(describe(*e), id, describe(*first)).arg(first->line) + cite(sectionOf(*e)));
        } else if (inSource && idFamily(*inSource) != idFamily(*e)) {
            uc.error(*e, QStringLiteral("target %1 reuses the id of %2 at line %3, which it does not correspond to")
                             .arg(describe(*e), describe(*inSource)).arg(inSource->line) + cite(sectionOf(*e)));
        }
        targetIds.insert(id, e);
    }
}

// ---------------------------------------------------------------------------------------
// Original data, copies, types

void checkDataReferences(const UnitContent &uc)
{
    for (const XmlElement *e : allInline(uc)) {
        if (!isCode(*e, *uc.ctx))
            continue;
        for (const char *name : {"dataRef", "dataRefStart", "dataRefEnd"}) {
            const XmlAttribute *ref = e->findAttribute(QLatin1String(name));
            if (ref && !uc.dataIds.contains(ref->value))
                uc.error(*e, QStringLiteral("%1 %2 '%3' names no <data> in the unit's <originalData>")
                                 .arg(describe(*e), ref->qualifiedName, ref->value) + cite(sectionOf(*e)));
        }
    }
}

bool hasOriginalData(const XmlElement &e)
{
    return e.hasAttribute(u"dataRef") || e.hasAttribute(u"dataRefStart") || e.hasAttribute(u"dataRefEnd");
}

const XmlElement *codeWithId(const UnitContent &uc, const QString &id)
{
    for (const XmlElement *e : allInline(uc)) {
        if (isCode(*e, *uc.ctx) && e->attribute(u"id") == id)
            return e;
    }
    return nullptr;
}

// A copy of a code names its base code with copyOf, and only when the base code has no
// original data to share; a code with canCopy='no' has no copies.
void checkCopies(const UnitContent &uc)
{
    for (const XmlElement *e : allInline(uc)) {
        const XmlAttribute *copyOf = e->findAttribute(u"copyOf");
        if (!copyOf || !isCode(*e, *uc.ctx))
            continue;
        const XmlElement *base = codeWithId(uc, copyOf->value);
        if (!base)
            uc.error(*e, QStringLiteral("%1 copyOf '%2' names no inline code of this unit").arg(describe(*e), copyOf->value)
                             + cite("4.7.2, Adding Codes"));
        else if (yesByDefault(*base, u"canCopy") == u"no")
            uc.error(*e, QStringLiteral("%1 is a copy of %2, which has canCopy='no'").arg(describe(*e), describe(*base))
                             + cite("4.7.2, Editing Hints"));
        else if (hasOriginalData(*e))
            uc.error(*e, QStringLiteral("%1 has both copyOf and original data (dataRef); copyOf is for copies of codes "
                                        "without original data").arg(describe(*e)) + cite("4.7.2, Adding Codes"));
        else if (hasOriginalData(*base))
            uc.error(*e, QStringLiteral("%1 uses copyOf but its base code %2 has original data; the copy must point to "
                                        "that data with dataRef instead").arg(describe(*e), describe(*base))
                             + cite("4.7.2, Adding Codes"));
    }
}

// subType needs a type; the reserved xlf: subtypes go with one type each.
void checkTypeAndSubType(const UnitContent &uc)
{
    static const QHash<QString, QString> reserved = {
        {QStringLiteral("xlf:lb"), QStringLiteral("fmt")}, {QStringLiteral("xlf:pb"), QStringLiteral("fmt")},
        {QStringLiteral("xlf:b"), QStringLiteral("fmt")},  {QStringLiteral("xlf:i"), QStringLiteral("fmt")},
        {QStringLiteral("xlf:u"), QStringLiteral("fmt")},  {QStringLiteral("xlf:var"), QStringLiteral("ui")}};
    for (const XmlElement *e : allInline(uc)) {
        const XmlAttribute *subType = e->findAttribute(u"subType");
        if (!subType || !isCode(*e, *uc.ctx))
            continue;
        const QString type = e->attribute(u"type");
        if (type.isEmpty()) {
            uc.error(*e, QStringLiteral("%1 has subType '%2' but no type").arg(describe(*e), subType->value) + cite(sectionOf(*e)));
        } else if (subType->value.startsWith(u"xlf:")) {
            const QString wanted = reserved.value(subType->value);
            if (wanted.isEmpty())
                uc.error(*e, QStringLiteral("%1 subType '%2' uses the reserved prefix xlf: but is not one of xlf:lb, xlf:pb, "
                                            "xlf:b, xlf:i, xlf:u, xlf:var").arg(describe(*e), subType->value) + cite(sectionOf(*e)));
            else if (wanted != type)
                uc.error(*e, QStringLiteral("%1 subType '%2' requires type '%3', not '%4'")
                                 .arg(describe(*e), subType->value, wanted, type) + cite(sectionOf(*e)));
        }
    }
}

void checkSubFlows(const UnitContent &uc, const QSet<QString> &fileUnitIds)
{
    for (const XmlElement *e : allInline(uc)) {
        if (!isCode(*e, *uc.ctx))
            continue;
        for (const char *name : {"subFlows", "subFlowsStart", "subFlowsEnd"}) {
            const XmlAttribute *flows = e->findAttribute(QLatin1String(name));
            if (!flows)
                continue;
            for (const QString &unitId : flows->value.simplified().split(u' ', Qt::SkipEmptyParts)) {
                if (isNmToken(unitId) && !fileUnitIds.contains(unitId)) // malformed tokens are reported as values
                    uc.error(*e, QStringLiteral("%1 %2 names '%3', which is no <unit> of this file")
                                     .arg(describe(*e), flows->qualifiedName, unitId) + cite("4.7, Sub-Flows"));
            }
        }
    }
}

bool isXmlChar(uint c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

// <cp> carries exactly the code points XML cannot.
void checkCodePoint(const XmlElement &cp, const UnitContent &uc)
{
    bool ok = false;
    const QString hex = cp.attribute(u"hex");
    const qulonglong value = hex.toULongLong(&ok, 16);
    if (!ok || hex.size() % 2 != 0)
        return; // reported as a value error
    if (value > 0x10FFFF)
        uc.error(cp, QStringLiteral("<cp hex='%1'> is not a Unicode code point").arg(hex) + cite("4.2.3.1"));
    else if (isXmlChar(uint(value)))
        uc.error(cp, QStringLiteral("<cp hex='%1'> encodes U+%2, a character XML allows; write it as text, <cp> is only "
                                    "for characters XML cannot carry").arg(hex, QString::number(value, 16).toUpper().rightJustified(4, u'0'))
                         + cite("4.2.3.1"));
}

void checkCodePoints(const UnitContent &uc)
{
    QList<const XmlElement *> all = allInline(uc);
    if (const XmlElement *originalData = uc.unit->firstChild(uc.ctx->coreNamespace, u"originalData")) {
        for (const XmlElement *data : originalData->childrenNamed(uc.ctx->coreNamespace, u"data"))
            appendInline(*data, *uc.ctx, all);
    }
    for (const XmlElement *e : all) {
        if (uc.ctx->isCore(*e, u"cp"))
            checkCodePoint(*e, uc);
    }
}

// ---------------------------------------------------------------------------------------
// <sc>/<ec> and <sm>/<em> pairs

// An <ec> closes an <sc> of its unit with startRef, or stands alone (isolated='yes') with
// its own id; only an isolated one may carry dir.
void checkEndCodeForm(const XmlElement &ec, const UnitContent &uc)
{
    const bool hasId = ec.hasAttribute(u"id");
    const bool hasStartRef = ec.hasAttribute(u"startRef");
    if (isIsolated(ec)) {
        if (hasStartRef)
            uc.error(ec, QStringLiteral("%1 is isolated, so it takes an id, not startRef").arg(describe(ec)) + cite("4.2.3.5"));
        else if (!hasId)
            uc.error(ec, QStringLiteral("isolated <ec> needs an id") + cite("4.2.3.5"));
        return;
    }
    if (!hasStartRef)
        uc.error(ec, QStringLiteral("%1 is not isolated, so it needs startRef naming its <sc>; if the <sc> is in another "
                                    "unit, set isolated='yes'").arg(describe(ec)) + cite("4.2.3.5"));
    else if (hasId)
        uc.error(ec, QStringLiteral("%1 is not isolated, so it refers to its <sc> with startRef and has no id").arg(describe(ec))
                         + cite("4.2.3.5"));
    if (ec.hasAttribute(u"dir"))
        uc.error(ec, QStringLiteral("%1 is not isolated, so it cannot have dir; it takes its <sc>'s").arg(describe(ec))
                         + cite("4.2.3.5"));
}

// An <ec> repeats its <sc>'s editing hints (canReorder 'no' after 'firstNo') and, where
// both state them, its type, subType and copyOf.
void checkPairAttributes(const XmlElement &sc, const XmlElement &ec, const UnitContent &uc)
{
    for (const char *hint : {"canCopy", "canDelete", "canOverlap", "canReorder"}) {
        const QString scValue = yesByDefault(sc, QLatin1String(hint));
        const QString wanted = scValue == u"firstNo" ? QStringLiteral("no") : scValue;
        const QString ecValue = yesByDefault(ec, QLatin1String(hint));
        if (ecValue != wanted)
            uc.error(ec, QStringLiteral("%1 has %2='%3' but its <sc> has %2='%4'; the <ec> must have '%5'")
                             .arg(describe(ec), QLatin1String(hint), ecValue, scValue, wanted) + cite("4.2.3.5"));
    }
    for (const char *name : {"type", "subType", "copyOf"}) {
        const XmlAttribute *onSc = sc.findAttribute(QLatin1String(name));
        const XmlAttribute *onEc = ec.findAttribute(QLatin1String(name));
        if (onSc && onEc && onSc->value != onEc->value)
            uc.error(ec, QStringLiteral("%1 has %2='%3' but its <sc> has %2='%4'")
                             .arg(describe(ec), QLatin1String(name), onEc->value, onSc->value) + cite("4.7.2"));
    }
}

/// Pairs the <sc> and <ec> of one stream (the unit's sources, or its targets).
/// `complete`: the stream holds all the unit's content. Targets do not until every
/// segment has one; until then an <sc> or <ec> may lack its partner because that partner
/// is in a segment still to translate, which is no error.
void checkSpanningCodes(const QList<const XmlElement *> &stream, const UnitContent &uc, bool complete)
{
    QHash<QString, qsizetype> startAt;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (uc.ctx->isCore(*stream[i], u"sc"))
            startAt.insert(stream[i]->attribute(u"id"), i);
    }
    QSet<QString> closed;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        const XmlElement &ec = *stream[i];
        if (!uc.ctx->isCore(ec, u"ec") || !ec.hasAttribute(u"startRef"))
            continue;
        const QString ref = ec.attribute(u"startRef");
        const qsizetype at = startAt.value(ref, -1);
        if (at < 0) {
            if (complete)
                uc.error(ec, QStringLiteral("%1 names no <sc> in this unit").arg(describe(ec)) + cite("4.2.3.5"));
            continue;
        }
        const XmlElement &sc = *stream[at];
        if (at > i)
            uc.error(ec, QStringLiteral("%1 comes before its <sc> (line %2); an <ec> follows the <sc> it closes")
                             .arg(describe(ec)).arg(sc.line) + cite("4.2.3.5"));
        if (isIsolated(sc))
            uc.error(sc, QStringLiteral("%1 is isolated but its <ec> is in the same unit (line %2)").arg(describe(sc)).arg(ec.line)
                             + cite("4.2.3.4"));
        checkPairAttributes(sc, ec, uc);
        closed.insert(ref);
    }
    if (!complete)
        return;
    for (const XmlElement *sc : stream) {
        if (uc.ctx->isCore(*sc, u"sc") && !isIsolated(*sc) && !closed.contains(sc->attribute(u"id")))
            uc.error(*sc, QStringLiteral("%1 has no <ec> in this unit; an <sc> whose <ec> is in another unit must have "
                                         "isolated='yes'").arg(describe(*sc)) + cite("4.2.3.4"));
    }
}

/// Pairs the <sm> and <em> of one stream; `complete` as for checkSpanningCodes().
void checkMarkerPairs(const QList<const XmlElement *> &stream, const UnitContent &uc, bool complete)
{
    QHash<QString, qsizetype> startAt;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (uc.ctx->isCore(*stream[i], u"sm"))
            startAt.insert(stream[i]->attribute(u"id"), i);
    }
    for (qsizetype i = 0; i < stream.size(); ++i) {
        const XmlElement &em = *stream[i];
        if (!uc.ctx->isCore(em, u"em"))
            continue;
        const qsizetype at = startAt.value(em.attribute(u"startRef"), -1);
        if (at < 0 && complete)
            uc.error(em, QStringLiteral("%1 names no <sm> in this unit").arg(describe(em)) + cite("4.2.3.8"));
        else if (at > i)
            uc.error(em, QStringLiteral("%1 comes before its <sm> (line %2); an <em> follows the <sm> it closes")
                             .arg(describe(em)).arg(stream[at]->line) + cite("4.2.3.8"));
    }
}

// ---------------------------------------------------------------------------------------
// Editing hints

// A non-reorderable code can be neither copied nor deleted.
void checkReorderHintsNeedNoCopyNoDelete(const UnitContent &uc)
{
    for (const XmlElement *e : allInline(uc)) {
        const QString reorder = yesByDefault(*e, u"canReorder");
        if (!isCode(*e, *uc.ctx) || reorder == u"yes")
            continue;
        if (yesByDefault(*e, u"canCopy") != u"no" || yesByDefault(*e, u"canDelete") != u"no")
            uc.error(*e, QStringLiteral("%1 has canReorder='%2', so it needs canCopy='no' and canDelete='no' too")
                             .arg(describe(*e), reorder) + cite("4.7.2, Editing Hints"));
    }
}

/// Like describe(), but tells the end of a <pc> from its start.
QString describeToken(const CodeToken &t)
{
    const bool pcEnd = t.element->name == u"pc" && t.key.startsWith(u"end:");
    return pcEnd ? QStringLiteral("the end of ") + describe(*t.element) : describe(*t.element);
}

QString describeSequence(const QList<CodeToken> &sequence)
{
    QStringList names;
    for (const CodeToken &t : sequence)
        names << describeToken(t);
    return names.join(QStringLiteral(", "));
}

/// The non-reorderable sequences of a stream: a code with canReorder='firstNo' and the
/// codes with 'no' that follow it. Reports a 'no' that follows no such code.
QList<QList<CodeToken>> reorderSequences(const QList<CodeToken> &tokens, const UnitContent &uc)
{
    QList<QList<CodeToken>> sequences;
    bool inSequence = false;
    for (const CodeToken &t : tokens) {
        if (t.canReorder == u"firstNo") {
            sequences.append({t});
            inSequence = true;
        } else if (t.canReorder == u"no" && inSequence) {
            sequences.last().append(t);
        } else if (t.canReorder == u"no") {
            uc.error(*t.element, QStringLiteral("%1 has canReorder='no' but no code with canReorder='firstNo' starts its "
                                                "sequence").arg(describeToken(t)) + cite("4.7.2, Editing Hints"));
        } else {
            inSequence = false;
        }
    }
    return sequences;
}

qsizetype indexOfKey(const QList<CodeToken> &tokens, const QString &key)
{
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens[i].key == key)
            return i;
    }
    return -1;
}

// A translation keeps each non-reorderable sequence whole: its codes together and in order.
void checkSequenceKept(const QList<CodeToken> &sequence, const QList<CodeToken> &target, const UnitContent &uc)
{
    const qsizetype start = indexOfKey(target, sequence.first().key);
    if (start < 0) {
        for (const CodeToken &t : sequence) {
            const qsizetype at = indexOfKey(target, t.key);
            if (at >= 0) {
                uc.error(*target[at].element, QStringLiteral("the target has %1 but not %2, which starts its non-reorderable "
                                                              "sequence (%3)").arg(describeToken(target[at]),
                                                                                   describeToken(sequence.first()),
                                                                                   describeSequence(sequence))
                                                  + cite("4.7.2, Editing Hints"));
                return;
            }
        }
        return; // the whole sequence is gone: the canDelete rule speaks for it
    }
    for (qsizetype i = 1; i < sequence.size(); ++i) {
        const qsizetype at = start + i;
        if (at >= target.size() || target[at].key != sequence[i].key) {
            const XmlElement &where = *target[std::min(at, target.size() - 1)].element;
            uc.error(where, QStringLiteral("the target breaks the non-reorderable sequence %1: its codes must stay together "
                                           "and in this order").arg(describeSequence(sequence)) + cite("4.7.2, Editing Hints"));
            return;
        }
    }
}

// A code with canDelete='no' stays in the translation: every <target> of the unit taken
// together holds each such code of the sources whose segment has a target.
void checkUndeletableCodesKept(const QList<CodeToken> &targetTokens, const UnitContent &uc)
{
    QSet<QString> inTarget;
    for (const CodeToken &t : targetTokens)
        inTarget.insert(t.key);
    for (const XmlElement *part : uc.parts) {
        const XmlElement *source = part->firstChild(uc.ctx->coreNamespace, u"source");
        const XmlElement *target = part->firstChild(uc.ctx->coreNamespace, u"target");
        if (!source || !target)
            continue;
        QList<CodeToken> tokens;
        appendCodeTokens(*source, *uc.ctx, tokens);
        QSet<const XmlElement *> reported;
        for (const CodeToken &t : tokens) {
            if (yesByDefault(*t.element, u"canDelete") == u"no" && !inTarget.contains(t.key) && !reported.contains(t.element)) {
                uc.error(*target, QStringLiteral("the target lacks %1 (line %2), which has canDelete='no'")
                                      .arg(describe(*t.element)).arg(t.element->line) + cite("4.7.2, Editing Hints"));
                reported.insert(t.element);
            }
        }
    }
}

/// The source codes whose segment or ignorable has a target: the only ones a translation
/// can be checked against.
QSet<const XmlElement *> translatedSourceElements(const UnitContent &uc)
{
    QSet<const XmlElement *> translated;
    for (const XmlElement *part : uc.parts) {
        const XmlElement *source = part->firstChild(uc.ctx->coreNamespace, u"source");
        if (!source || !part->firstChild(uc.ctx->coreNamespace, u"target"))
            continue;
        QList<const XmlElement *> inSource;
        appendInline(*source, *uc.ctx, inSource);
        translated.unite(QSet<const XmlElement *>(inSource.begin(), inSource.end()));
    }
    return translated;
}

void checkEditingHints(const UnitContent &uc)
{
    checkReorderHintsNeedNoCopyNoDelete(uc);
    const QList<QList<CodeToken>> sequences = reorderSequences(codeTokens(uc.sources, *uc.ctx), uc);
    if (uc.targets.isEmpty())
        return; // the hints constrain translations; there is none yet
    const QList<CodeToken> targetTokens = codeTokens(uc.targets, *uc.ctx);
    const QSet<const XmlElement *> translated = translatedSourceElements(uc);
    for (const QList<CodeToken> &sequence : sequences) {
        // A sequence may run into a segment that has no target yet; check what is translated.
        QList<CodeToken> inTranslation;
        std::copy_if(sequence.begin(), sequence.end(), std::back_inserter(inTranslation),
                     [&](const CodeToken &t) { return translated.contains(t.element); });
        if (inTranslation.size() > 1) // a lone 'firstNo' is the same as 'yes'
            checkSequenceKept(inTranslation, targetTokens, uc);
    }
    checkUndeletableCodesKept(targetTokens, uc);
}

// ---------------------------------------------------------------------------------------
// Annotations

const XmlElement *enclosingFile(const XmlElement &e)
{
    for (const XmlElement *at = e.parent; at; at = at->parent) {
        if (at->name == u"file")
            return at;
    }
    return nullptr;
}

/// Why `ref` does not point to a <note> of this unit, or nothing when it does.
std::optional<QString> commentTargetProblem(const QString &ref, const UnitContent &uc)
{
    const FragmentIdentifier fragment = parseFragmentIdentifier(ref);
    const FragmentSelector *leaf = fragment.leaf();
    if (!leaf || leaf->prefix != u"n")
        return QStringLiteral("does not point to a <note> (its last selector is not n=...)");
    const FragmentSelector *file = fragment.find(u"f");
    const FragmentSelector *unit = fragment.find(u"u");
    const XmlElement *ownFile = enclosingFile(*uc.unit);
    if (file && ownFile && file->id != ownFile->attribute(u"id"))
        return QStringLiteral("points into file '%1', not this unit's file").arg(file->id);
    if (!unit && (file || fragment.find(u"g")))
        return QStringLiteral("points to a note of a file or group, not of this unit");
    if (unit && unit->id != uc.unit->attribute(u"id"))
        return QStringLiteral("points to unit '%1', not this one").arg(unit->id);
    const XmlElement *notes = uc.unit->firstChild(uc.ctx->coreNamespace, u"notes");
    const bool found = notes && std::any_of(notes->children.begin(), notes->children.end(), [&](const auto &note) {
        return uc.ctx->isCore(*note, u"note") && note->attribute(u"id") == leaf->id;
    });
    if (!found)
        return QStringLiteral("names note '%1', which this unit does not have").arg(leaf->id);
    return std::nullopt;
}

// A comment annotation holds its comment in value, or points with ref to a <note> of the
// same unit: one or the other.
void checkCommentAnnotation(const XmlElement &marker, const UnitContent &uc)
{
    const bool hasValue = marker.hasAttribute(u"value");
    const bool hasRef = marker.hasAttribute(u"ref");
    const QString ref = marker.attribute(u"ref");
    if (hasValue && hasRef) {
        uc.error(marker, QStringLiteral("comment annotation %1 has both value and ref; it takes one or the other")
                             .arg(describe(marker)) + cite("4.7, Comment Annotation"));
    } else if (!hasValue && !hasRef) {
        uc.error(marker, QStringLiteral("comment annotation %1 has neither value (the comment) nor ref (a <note> of this unit)")
                             .arg(describe(marker)) + cite("4.7, Comment Annotation"));
    } else if (hasRef && !ref.startsWith(u'#')) {
        uc.error(marker, QStringLiteral("comment annotation %1 ref='%2' must point to a <note> of this unit ('#n=id')")
                             .arg(describe(marker), ref) + cite("4.7, Comment Annotation"));
    } else if (hasRef && !fragmentIdentifierError(ref)) {
        if (const auto why = commentTargetProblem(ref, uc))
            uc.error(marker, QStringLiteral("comment annotation %1 ref='%2' %3").arg(describe(marker), ref, *why)
                                 + cite("4.7, Comment Annotation"));
    }
}

void checkAnnotations(const UnitContent &uc)
{
    for (const XmlElement *e : allInline(uc)) {
        if (!uc.ctx->isCore(*e, u"mrk") && !uc.ctx->isCore(*e, u"sm"))
            continue;
        if (const auto why = fragmentIdentifierError(e->attribute(u"ref")))
            uc.error(*e, QStringLiteral("%1 ref='%2': %3").arg(describe(*e), e->attribute(u"ref"), *why) + cite("3"));
        if (e->attribute(u"type") == u"comment")
            checkCommentAnnotation(*e, uc);
    }
}

} // namespace

void checkUnitInlineContent(const XmlElement &unit, const QSet<QString> &fileUnitIds, const Context &ctx)
{
    const UnitContent uc = readUnitContent(unit, ctx);
    checkIds(uc);
    checkDataReferences(uc);
    checkCopies(uc);
    checkTypeAndSubType(uc);
    checkSubFlows(uc, fileUnitIds);
    checkCodePoints(uc);
    for (const XmlElement *e : allInline(uc)) {
        if (ctx.isCore(*e, u"ec"))
            checkEndCodeForm(*e, uc);
    }
    checkSpanningCodes(uc.sourceInline, uc, true);
    checkSpanningCodes(uc.targetInline, uc, uc.targetsComplete);
    checkMarkerPairs(uc.sourceInline, uc, true);
    checkMarkerPairs(uc.targetInline, uc, uc.targetsComplete);
    checkEditingHints(uc);
    checkAnnotations(uc);
}

} // namespace wb::xliff2
