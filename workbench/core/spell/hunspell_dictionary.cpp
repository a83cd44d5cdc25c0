#include "spell/hunspell_dictionary.h"
#include "common/bounded_cache.h"
#include "common/memory_file.h"
#include "common/text_file.h"
#include "text/text_key.h"

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
    // Hunspell compares bytes, and its dictionaries are NFC: a list a tool wrote decomposed
    // is handed over composed, through an in-memory copy (Hunspell opens files by name
    // only, and a list built into the binary, a Qt resource, has no name it could open).
    // A list in a legacy charset (its .aff's SET) is handed over as it is.
    QFile file(dicPath);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostic{ErrorKind::MissingInput, dicPath, 0, 0, QStringLiteral("word list unreadable")};
    QByteArray words = file.readAll();
    if (checkUtf8(words, dicPath))
        words = toNfcUtf8(words);
    auto copy = MemoryFile::create("word-list");
    if (!copy)
        return copy.error();
    if (Status written = copy->assign(words); !written)
        return written.error();
    m_hunspell->add_dic(copy->path().constData());
    m_stemCache.clear();
    return {};
}

void HunspellDictionary::addWord(const QString &word)
{
    m_hunspell->add(toNfc(word).toStdString());
    m_stemCache.remove(word);
}

bool HunspellDictionary::spell(const QString &word)
{
    return m_hunspell->spell(toNfc(word).toStdString());
}

QStringList HunspellDictionary::stems(const QString &word)
{
    QStringList result;
    for (const std::string &s : m_hunspell->stem(toNfc(word).toStdString()))
        result.append(QString::fromStdString(s));
    return result;
}

QString HunspellDictionary::stem(const QString &word)
{
    return allStems(word).first();
}

const QStringList &HunspellDictionary::allStems(const QString &word)
{
    const auto cached = m_stemCache.constFind(word);
    if (cached != m_stemCache.cend())
        return *cached;
    // Hunspell is asked for spellings (`written`, `lower`); what it answers is kept as
    // match keys (textKey), compared with the word's own `key`.
    const QString written = toNfc(word);
    const QString lower = written.toLower();
    const QString key = textKey(word);
    // A reading that strips a prefix changes the meaning ("re+current", "un+treated",
    // "ir+radiación"): only suffixes are inflection, so such readings are dropped.
    auto readings = [&](const QString &w) {
        QStringList forms;
        for (const QString &s : stems(w))
            if (const QString form = textKey(s); !form.isEmpty() && form.at(0) == key.at(0) && !forms.contains(form))
                forms.append(form);
        return forms;
    };
    QStringList forms = readings(written);
    if (forms.isEmpty() && written != lower)
        forms = readings(lower); // "Leukemias" at a sentence start
    // No reading left (the dictionary lists the word without a plural flag, "leukemia/M",
    // or only through a prefix, "en+sayo"), or only the word itself (a word list that
    // spells plurals out, "anticuerpos" beside "anticuerpo"): a plural ending removed must
    // leave a known word, whose readings are then the plural's.
    for (const char *ending : {"s", "es"}) {
        const bool onlyItself = forms.size() == 1 && forms.first() == key;
        if ((!forms.isEmpty() && !onlyItself) || !lower.endsWith(QLatin1String(ending)) || lower.size() <= 3)
            break;
        if (onlyItself)
            forms.clear();
        const QString singular = lower.chopped(qsizetype(std::strlen(ending)));
        if (spell(singular)) {
            forms = allStems(singular);
            if (!forms.contains(textKey(singular)))
                forms.append(textKey(singular));
        }
    }
    if (forms.isEmpty())
        forms.append(key);
    // Which reading comes first: a plural's singular ("sweats" -> "sweat"); else the word
    // itself when it is a dictionary form ("number", not "numb+er"); else the shortest.
    // The feminine of a masculine reading counts as its inflection too ("cancerosas" ->
    // "canceroso"), so every form of an adjective keys alike whichever list spells it out.
    const auto singular = std::find_if(forms.cbegin(), forms.cend(), [&](const QString &r) {
        const bool feminine = r.endsWith(QLatin1Char('o'))
                              && (key == r.chopped(1) + QLatin1Char('a') || key == r.chopped(1) + QLatin1String("as"));
        return key == r + QLatin1Char('s') || key == r + QLatin1String("es") || feminine;
    });
    if (singular != forms.cend()) {
        const QString first = *singular;
        forms.removeAll(first);
        forms.prepend(first);
    } else if (forms.contains(key)) {
        forms.removeAll(key);
        forms.prepend(key);
    } else {
        std::stable_sort(forms.begin(), forms.end(), [](const QString &a, const QString &b) { return a.size() < b.size(); });
    }
    return insertBounded(m_stemCache, word, forms); // callers copy: a later clear cannot dangle
}

QStringList HunspellDictionary::suggest(const QString &word)
{
    QStringList result;
    for (const std::string &s : m_hunspell->suggest(toNfc(word).toStdString()))
        result.append(QString::fromStdString(s));
    return result;
}

} // namespace wb
