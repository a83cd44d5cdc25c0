#include "spell/hunspell_dictionary.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>
#include <hunspell/hunspell.hxx>

namespace wb {

QString HunspellDictionary::defaultFolder()
{
    const QString fromEnvironment = qEnvironmentVariable("WORKBENCH_HUNSPELL_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral("/usr/share/hunspell") : fromEnvironment;
}

Result<std::shared_ptr<HunspellDictionary>> HunspellDictionary::load(const QString &name, const QString &folder)
{
    const QString aff = folder + QLatin1Char('/') + name + QStringLiteral(".aff");
    const QString dic = folder + QLatin1Char('/') + name + QStringLiteral(".dic");
    for (const QString &path : {aff, dic})
        if (!QFileInfo(path).isReadable())
            return Diagnostic{ErrorKind::MissingInput, path, 0, 0,
                              QStringLiteral("Hunspell dictionary \"%1\" not found (Debian: apt-get install hunspell-%2)")
                                  .arg(name, name.left(2).toLower() == QLatin1String("en") ? QStringLiteral("en-us") : name.left(2).toLower())};
    std::shared_ptr<HunspellDictionary> dictionary(new HunspellDictionary);
    dictionary->m_name = name;
    dictionary->m_hunspell = std::make_unique<Hunspell>(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData());
    return dictionary;
}

HunspellDictionary::~HunspellDictionary() = default;

Status HunspellDictionary::addWordList(const QString &dicPath)
{
    if (!QFileInfo(dicPath).isReadable())
        return Diagnostic{ErrorKind::MissingInput, dicPath, 0, 0, QStringLiteral("no such word list")};
    m_hunspell->add_dic(QFile::encodeName(dicPath).constData());
    m_stemCache.clear();
    return {};
}

bool HunspellDictionary::spell(const QString &word)
{
    return m_hunspell->spell(word.toStdString());
}

QStringList HunspellDictionary::stems(const QString &word)
{
    QStringList result;
    for (const std::string &s : m_hunspell->stem(word.toStdString()))
        result.append(QString::fromStdString(s));
    return result;
}

QString HunspellDictionary::stem(const QString &word)
{
    const auto cached = m_stemCache.constFind(word);
    if (cached != m_stemCache.cend())
        return *cached;
    QStringList found = stems(word);
    if (found.isEmpty() && word != word.toLower())
        found = stems(word.toLower()); // "Leukemias" at a sentence start
    // Words the dictionary lists without a plural flag ("leukemia/M" in en_US):
    // a plural ending removed must leave a known word.
    for (const char *ending : {"s", "es"}) {
        if (!found.isEmpty() || !word.endsWith(QLatin1String(ending)) || word.size() <= 3)
            break;
        const QString singular = word.chopped(qsizetype(std::strlen(ending))).toLower();
        if (spell(singular))
            found = QStringList{singular};
    }
    // Several stems: take the shortest, the most basic form ("células" -> "célula").
    QString best = found.isEmpty() ? word : found.first();
    for (const QString &s : found)
        if (s.size() < best.size())
            best = s;
    best = best.toLower();
    m_stemCache.insert(word, best);
    return best;
}

QStringList HunspellDictionary::suggest(const QString &word)
{
    QStringList result;
    for (const std::string &s : m_hunspell->suggest(word.toStdString()))
        result.append(QString::fromStdString(s));
    return result;
}

} // namespace wb
