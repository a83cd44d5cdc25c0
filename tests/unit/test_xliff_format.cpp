// XLIFF reading and writing on real files from other tools (reference data) and on the
// inline-code cases a translator can produce.
#include "interchange/xliff_format.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

QString sample(const QString &relative)
{
    return test::sharedDir() + QStringLiteral("/reference-data/samples/") + relative;
}

XliffDocument documentWith(const QString &source, const QString &target, UnitState state)
{
    XliffUnit unit;
    unit.id = QStringLiteral("u.1");
    unit.source = source;
    unit.target = target;
    unit.hasTarget = !target.isEmpty();
    unit.state = state;
    XliffDocument document;
    document.sourceLanguage = QStringLiteral("en");
    document.targetLanguage = QStringLiteral("es");
    document.files.append({QStringLiteral("doc"), QStringLiteral("doc.md"), {unit}, 0});
    return document;
}

} // namespace

TEST(XliffFormat, RealOpenXliffFileImportsWithItsUnitsAndStates)
{
    const QString path = sample(QStringLiteral("xliff2/openxliff-java_en-es.xlf"));
    auto document = readXliff(test::readAll(path), path);
    ASSERT_TRUE(document.ok()) << document.error().toString().toStdString();
    EXPECT_EQ(document->sourceLanguage, QStringLiteral("en"));
    EXPECT_EQ(document->targetLanguage, QStringLiteral("es"));
    int units = 0, approved = 0, withTarget = 0;
    for (const XliffFile &file : document->files)
        for (const XliffUnit &unit : file.units) {
            ++units;
            approved += unit.state == UnitState::Approved;
            withTarget += unit.hasTarget && !unit.target.isEmpty();
        }
    EXPECT_EQ(units, 519);
    EXPECT_EQ(approved, 519); // every unit is state="final"
    EXPECT_EQ(withTarget, 519);
}

TEST(XliffFormat, OasisXliff12SamplesReadWithTheirUnits)
{
    for (const QString &name : {QStringLiteral("Sample_AlmostEverything_1.2_strict.xlf"), QStringLiteral("Sample_AlmostEverything_1.2_transitional.xlf")}) {
        const QString path = sample(QStringLiteral("xliff12/") + name);
        auto document = readXliff(test::readAll(path), path);
        ASSERT_TRUE(document.ok()) << document.error().toString().toStdString();
        EXPECT_EQ(document->version, QStringLiteral("1.2"));
        ASSERT_FALSE(document->files.isEmpty());
        EXPECT_GT(document->files.first().units.size(), 0) << name.toStdString();
    }
}

TEST(XliffFormat, InlineCodesSurviveBothVersionsEvenWhenATranslatorCrossedThem)
{
    const QString source = QStringLiteral("See {1}the {2}NCI{/2} site{/1} for {3/} and {{literal} braces.");
    const QString crossed = QStringLiteral("Consulte {1}el sitio {2}del{/1} NCI{/2} para {3/} y llaves {{literal}.");
    for (XliffVersion version : {XliffVersion::V2, XliffVersion::V12}) {
        const QByteArray bytes = writeXliff(documentWith(source, crossed, UnitState::Translated), version);
        auto read = readXliff(bytes, QStringLiteral("mem.xlf"));
        ASSERT_TRUE(read.ok()) << read.error().toString().toStdString() << "\n" << bytes.constData();
        const XliffUnit &unit = read->files.first().units.first();
        EXPECT_EQ(unit.id, QStringLiteral("u.1"));
        EXPECT_EQ(unit.source, source);
        EXPECT_EQ(unit.target, crossed);
        EXPECT_EQ(unit.state, UnitState::Translated);
    }
    const QByteArray v2 = writeXliff(documentWith(source, crossed, UnitState::Translated), XliffVersion::V2);
    EXPECT_TRUE(v2.contains("<sc id=\"1\"/>")) << v2.constData();
    EXPECT_TRUE(v2.contains("<ec startRef=\"2\"/>"));
}

TEST(XliffFormat, EveryStateReadsBackAsItWasWritten)
{
    for (UnitState state : {UnitState::Untranslated, UnitState::Draft, UnitState::Translated, UnitState::Approved, UnitState::Rejected}) {
        const QString target = state == UnitState::Untranslated ? QString() : QStringLiteral("Hola.");
        for (XliffVersion version : {XliffVersion::V2, XliffVersion::V12}) {
            auto read = readXliff(writeXliff(documentWith(QStringLiteral("Hello."), target, state), version), QStringLiteral("mem.xlf"));
            ASSERT_TRUE(read.ok());
            EXPECT_EQ(read->files.first().units.first().state, state) << stateName(state).toStdString();
        }
    }
}

TEST(XliffFormat, OlderAndUnknownVersions)
{
    const QByteArray v11 = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.1\" version=\"1.1\"><file original=\"a.po\" "
                           "source-language=\"en-US\" datatype=\"po\"><body><trans-unit id=\"1\"><source>Hi</source>"
                           "<target>Hola</target></trans-unit></body></file></xliff>";
    auto read = readXliff(v11, QStringLiteral("tt.xlf"));
    ASSERT_TRUE(read.ok()) << read.error().toString().toStdString();
    EXPECT_EQ(read->files.first().units.first().state, UnitState::Translated);

    auto unknown = readXliff("<xliff xmlns=\"urn:example\" version=\"9\"/>", QStringLiteral("x.xlf"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("version '9'"))) << unknown.error().message.toStdString();
}
