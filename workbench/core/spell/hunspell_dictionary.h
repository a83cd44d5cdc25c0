#pragma once
#include "common/result.h"
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

class Hunspell;

namespace wb {

/// A Hunspell dictionary (system .aff/.dic plus extra word lists such as the project's
/// medical words) with a stem cache: stemming the same word twice costs a hash lookup.
/// Not thread-safe: one instance per thread.
class HunspellDictionary {
public:
    /// Loads `<folder>/<name>.aff` and `.dic` (Debian: /usr/share/hunspell/es_US.*).
    static Result<std::shared_ptr<HunspellDictionary>> load(const QString &name, const QString &folder = defaultFolder());
    static QString defaultFolder();
    ~HunspellDictionary();

    /// Adds a word list that uses the main dictionary's affix flags.
    Status addWordList(const QString &dicPath);

    /// Accepts a word for this session (the project's own words).
    void addWord(const QString &word);

    bool spell(const QString &word);
    /// The dictionary form(s) of a word, e.g. "glóbulos" -> "glóbulo". Empty when unknown.
    QStringList stems(const QString &word);
    /// The word's dictionary form as a textKey: the word itself when it is a dictionary
    /// form ("number", not "numb"; "recurrent", not "current"), else the shortest stem;
    /// the word itself when Hunspell knows none. Cached.
    QString stem(const QString &word);
    /// Every dictionary form of the word, the one stem() gives first ("trata": "trata",
    /// "tratar"). Cached.
    const QStringList &allStems(const QString &word);
    QStringList suggest(const QString &word);
    QString name() const { return m_name; }

private:
    HunspellDictionary() = default;
    std::unique_ptr<Hunspell> m_hunspell;
    QString m_name;
    QHash<QString, QStringList> m_stemCache;
};

} // namespace wb
