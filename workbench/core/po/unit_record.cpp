#include "po/unit_record.h"
#include "po/structured_comments.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace wb {
namespace {

std::atomic<qint64> g_reads{0};

QString text(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString();
}

QDateTime at(const QJsonObject &o)
{
    return QDateTime::fromString(text(o, QLatin1String("at")), Qt::ISODate);
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &v : value.toArray())
        strings.append(v.toString());
    return strings;
}

ReviewComment commentFrom(const QJsonObject &o)
{
    return ReviewComment{text(o, QLatin1String("by")), at(o), text(o, QLatin1String("text"))};
}

} // namespace

int ReviewError::weight() const
{
    if (severity == QLatin1String("critical"))
        return 25;
    if (severity == QLatin1String("major"))
        return 5;
    return 1;
}

UnitRecord UnitRecord::read(const QString &comments)
{
    ++g_reads;
    UnitRecord record;
    record.source = comments;
    // The same lines po/structured_comments reads for each keyword, in one pass: a trimmed
    // line "wb:<keyword> <JSON object>".
    for (QStringView line : QStringView(comments).tokenize(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (!line.startsWith(QLatin1String("wb:")))
            continue;
        const qsizetype space = line.indexOf(QLatin1Char(' '), 3);
        if (space < 0)
            continue;
        const QJsonDocument json = QJsonDocument::fromJson(line.mid(space + 1).toUtf8());
        if (json.isObject())
            record.m_lines[line.mid(3, space - 3).toString()].append(json.object());
    }
    for (const QString &keyword : {recordKeyword::kState, recordKeyword::kHistory, recordKeyword::kComment, recordKeyword::kPreviousTarget,
                                   recordKeyword::kError, recordKeyword::kSuppression, recordKeyword::kConflict, recordKeyword::kChanged})
        record.derive(keyword);
    return record;
}

qint64 UnitRecord::readCount()
{
    return g_reads.load();
}

void UnitRecord::derive(const QString &keyword)
{
    const QList<QJsonObject> objects = m_lines.value(keyword);
    if (keyword == recordKeyword::kState) {
        state.reset();
        if (!objects.isEmpty()) {
            const QJsonObject &o = objects.first();
            state = StateMark{text(o, QLatin1String("state")), text(o, QLatin1String("by")), at(o),
                              text(o, QLatin1String("target")), text(o, QLatin1String("reason"))};
        }
    } else if (keyword == recordKeyword::kHistory) {
        history.clear();
        for (const QJsonObject &o : objects)
            history.append(HistoryEvent{text(o, QLatin1String("action")), text(o, QLatin1String("by")), at(o),
                                        text(o, QLatin1String("target"))});
    } else if (keyword == recordKeyword::kComment) {
        comments.clear();
        for (const QJsonObject &o : objects)
            comments.append(commentFrom(o));
    } else if (keyword == recordKeyword::kPreviousTarget) {
        previousTargets.clear();
        for (const QJsonObject &o : objects)
            previousTargets.append(commentFrom(o));
    } else if (keyword == recordKeyword::kError) {
        errors.clear();
        for (const QJsonObject &o : objects) {
            ReviewError e(text(o, QLatin1String("category")), text(o, QLatin1String("severity")), text(o, QLatin1String("by")),
                          at(o), text(o, QLatin1String("note")));
            e.start = o.value(QLatin1String("start")).toInt(-1);
            e.length = o.value(QLatin1String("length")).toInt(0);
            e.words = text(o, QLatin1String("words"));
            errors.append(e);
        }
    } else if (keyword == recordKeyword::kSuppression) {
        suppressions.clear();
        for (const QJsonObject &o : objects)
            suppressions.append({text(o, QLatin1String("unit")),
                                 Suppression{text(o, QLatin1String("check")), text(o, QLatin1String("subject")),
                                             text(o, QLatin1String("by")), at(o), text(o, QLatin1String("reason"))}});
    } else if (keyword == recordKeyword::kConflict) {
        conflicts.clear();
        for (const QJsonObject &o : objects)
            conflicts.append({text(o, QLatin1String("ours")), text(o, QLatin1String("theirs")), text(o, QLatin1String("base")),
                              at(o), text(o, QLatin1String("ours_state")), text(o, QLatin1String("theirs_state")),
                              stringsOf(o.value(QLatin1String("ours_plural"))), stringsOf(o.value(QLatin1String("theirs_plural")))});
    } else if (keyword == recordKeyword::kChanged) {
        changes.clear();
        for (const QJsonObject &o : objects)
            changes.append(text(o, QLatin1String("kind")));
    }
}

std::shared_ptr<const UnitRecord> recordOf(const PoEntry &entry)
{
    std::shared_ptr<const UnitRecord> kept = entry.recordCache.load();
    if (kept && kept->source == entry.translatorComments)
        return kept;
    auto fresh = std::make_shared<const UnitRecord>(UnitRecord::read(entry.translatorComments));
    entry.recordCache.store(fresh);
    return fresh;
}

void setRecordLines(PoEntry &entry, const QString &keyword, const QList<QJsonObject> &objects)
{
    UnitRecord updated = *recordOf(entry);
    entry.translatorComments = withStructuredLines(entry.translatorComments, keyword, objects);
    // What reading the new comments would give: the other keywords' lines are as they were
    // (writing drops only empty lines and this keyword's lines), this keyword's are `objects`.
    updated.source = entry.translatorComments;
    if (objects.isEmpty())
        updated.m_lines.remove(keyword);
    else
        updated.m_lines.insert(keyword, objects);
    updated.derive(keyword);
    entry.recordCache.store(std::make_shared<const UnitRecord>(std::move(updated)));
}

void appendRecordLine(PoEntry &entry, const QString &keyword, const QJsonObject &object)
{
    QList<QJsonObject> objects = recordOf(entry)->lines(keyword);
    objects.append(object);
    setRecordLines(entry, keyword, objects);
}

} // namespace wb
