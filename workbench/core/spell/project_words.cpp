#include "spell/project_words.h"
#include "common/text_file.h"

#include <QDir>
#include <QFileInfo>

namespace wb {

Result<QList<ProjectWord>> loadProjectWords(const QString &path)
{
    QList<ProjectWord> words;
    if (!QFileInfo::exists(path))
        return words;
    auto text = readUtf8Text(path);
    if (!text)
        return text.error();
    const QStringList lines = text->split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.first().trimmed().isEmpty() || fields.first().contains(QLatin1Char(' ')))
            return Diagnostic{ErrorKind::InvalidInput, path, int(i + 1), 0, QStringLiteral("expected one word in the first column")};
        words.append(ProjectWord{fields.value(0).trimmed(), fields.value(1).trimmed(),
                                 QDateTime::fromString(fields.value(2).trimmed(), Qt::ISODate)});
    }
    return words;
}

Result<int> addProjectWords(const QString &path, const QStringList &newWords, const QString &by, const QDateTime &at)
{
    auto existing = loadProjectWords(path);
    if (!existing)
        return existing.error();
    QList<ProjectWord> words = *existing;
    int added = 0;
    for (const QString &word : newWords) {
        const bool known = std::any_of(words.cbegin(), words.cend(), [&](const ProjectWord &w) { return w.word == word; });
        if (known || word.trimmed().isEmpty())
            continue;
        words.append(ProjectWord{word.trimmed(), by, at});
        ++added;
    }
    std::sort(words.begin(), words.end(), [](const ProjectWord &a, const ProjectWord &b) {
        return QString::localeAwareCompare(a.word, b.word) < 0;
    });
    QString out = QStringLiteral("word\tadded_by\tadded_at\n");
    for (const ProjectWord &w : words)
        out += w.word + QLatin1Char('\t') + w.addedBy + QLatin1Char('\t') + w.addedAt.toUTC().toString(Qt::ISODate) + QLatin1Char('\n');
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (Status written = writeFileAtomically(path, out.toUtf8()); !written)
        return written.error();
    return added;
}

} // namespace wb
