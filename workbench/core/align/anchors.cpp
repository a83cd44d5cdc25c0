#include "align/anchors.h"
#include "common/string_ids.h"
#include "text/text_key.h"
#include "text/word_tokenizer.h"

#include <algorithm>
#include <iterator>

namespace wb {
namespace {

constexpr int kCognateMinLength = 6;
constexpr int kCognateKeyLength = 5;

QString withoutAccents(const QString &word)
{
    QString plain = word.normalized(QString::NormalizationForm_D);
    plain.removeIf([](QChar c) { return c.category() == QChar::Mark_NonSpacing; });
    return plain;
}

bool isAcronym(const QString &word)
{
    int capitals = 0;
    for (QChar c : word) {
        if (c.isLower())
            return false;
        capitals += c.isUpper() ? 1 : 0;
    }
    return capitals >= 2;
}

// Matches of two sorted multisets.
int sharedCount(const std::vector<int> &a, const std::vector<int> &b)
{
    int shared = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++shared;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return shared;
}

std::vector<int> merged(const std::vector<int> &a, const std::vector<int> &b)
{
    std::vector<int> all;
    all.reserve(a.size() + b.size());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(all));
    return all;
}

} // namespace

void Anchors::add(const Anchors &other)
{
    strong = merged(strong, other.strong);
    weak = merged(weak, other.weak);
}

int AnchorNames::idOf(const QString &anchor)
{
    return internedId(m_ids, anchor);
}

Anchors anchorsOf(const QString &unitText, const QStringList &destinations, WordTokenizer &tokenizer, AnchorNames &names)
{
    QStringList strong, weak;
    for (const Token &token : tokenizer.tokenize(unitText)) {
        if (token.kind == Token::Kind::Number) {
            QString digits = token.text;
            digits.removeIf([](QChar c) { return !c.isDigit(); });
            if (!digits.isEmpty())
                strong.append(digits);
        } else if (token.kind == Token::Kind::Word) {
            if (isAcronym(token.text))
                weak.append(token.text);
            else if (token.text.size() >= kCognateMinLength)
                weak.append(QLatin1Char('~') + textKey(withoutAccents(token.text)).left(kCognateKeyLength));
        }
    }
    // One per placeholder: "{1}" opens, "{2/}" stands alone; closings are not counted twice.
    for (qsizetype at = unitText.indexOf(QLatin1Char('{')); at >= 0; at = unitText.indexOf(QLatin1Char('{'), at + 1))
        if (at + 1 < unitText.size() && unitText[at + 1].isDigit())
            strong.append(QStringLiteral("{}"));
    strong += destinations;
    Anchors anchors;
    for (const QString &a : std::as_const(strong))
        anchors.strong.push_back(names.idOf(QLatin1Char('s') + a)); // a number and a word never meet
    for (const QString &a : std::as_const(weak))
        anchors.weak.push_back(names.idOf(QLatin1Char('w') + a));
    std::sort(anchors.strong.begin(), anchors.strong.end());
    std::sort(anchors.weak.begin(), anchors.weak.end());
    return anchors;
}

AnchorAgreement compareAnchors(const Anchors &source, const Anchors &target)
{
    AnchorAgreement agreement;
    agreement.matchedStrong = sharedCount(source.strong, target.strong);
    agreement.unmatchedStrong = int(source.strong.size() + target.strong.size()) - 2 * agreement.matchedStrong;
    agreement.matchedWeak = sharedCount(source.weak, target.weak);
    return agreement;
}

} // namespace wb
