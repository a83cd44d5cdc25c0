// The OASIS XLIFF 2.0 test suite, run through the validator, plus small documents that
// show what a user sees when a file breaks a rule: the message, the rule's section, the line.
#include "interchange/xliff2_validator.h"
#include "test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

using namespace wb;

namespace {

QString suiteDir(const char *sub)
{
    return test::sharedDir() + QStringLiteral("/reference-data/samples/xliff2/oasis-xliff20-test-suite/") + QLatin1String(sub);
}

/// The .xlf files of a suite folder, as full paths, sorted.
QStringList xliffFiles(const char *sub)
{
    QDir dir(suiteDir(sub));
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.xlf")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

QStringList acceptedSuiteFiles()
{
    return xliffFiles("core/valid") + xliffFiles("modules/valid") + xliffFiles("core/in-out");
}

Diagnostics validateFile(const QString &path)
{
    return validateXliff2(test::readAll(path), path);
}

std::string describe(const Diagnostics &diagnostics)
{
    std::string text;
    for (const Diagnostic &d : diagnostics)
        text += "\n  " + d.toString().toStdString();
    return text;
}

std::string testName(const testing::TestParamInfo<QString> &info)
{
    const QString folder = QFileInfo(info.param).dir().dirName();
    std::string name = (folder + QLatin1Char('_') + QFileInfo(info.param).completeBaseName()).toStdString();
    for (char &c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

Diagnostics validateText(const char *xml)
{
    return validateXliff2(QByteArray(xml), QStringLiteral("sample.xlf"));
}

} // namespace

// ---------------------------------------------------------------------------------------
// The suite, file by file

class AcceptedSuiteFile : public testing::TestWithParam<QString> {};

TEST_P(AcceptedSuiteFile, HasNoDiagnostics)
{
    const Diagnostics diagnostics = validateFile(GetParam());
    EXPECT_TRUE(diagnostics.isEmpty()) << GetParam().toStdString() << describe(diagnostics);
}

INSTANTIATE_TEST_SUITE_P(OasisXliff20, AcceptedSuiteFile, testing::ValuesIn(acceptedSuiteFiles()), testName);

class InvalidSuiteFile : public testing::TestWithParam<QString> {};

TEST_P(InvalidSuiteFile, IsRejectedWithAPositionedRule)
{
    const QString path = GetParam();
    const Diagnostics diagnostics = validateFile(path);
    ASSERT_FALSE(diagnostics.isEmpty()) << path.toStdString() << " was accepted";
    for (const Diagnostic &d : diagnostics) {
        EXPECT_EQ(d.kind, ErrorKind::InvalidInput);
        EXPECT_EQ(d.file, path);
        EXPECT_GT(d.line, 0) << d.toString().toStdString();
        EXPECT_GT(d.column, 0) << d.toString().toStdString();
        EXPECT_TRUE(d.message.contains(QStringLiteral("XLIFF 2.0 §"))) << "no rule cited: " << d.toString().toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(OasisXliff20, InvalidSuiteFile, testing::ValuesIn(xliffFiles("core/invalid")), testName);

TEST(Xliff2Suite, AcceptsEveryValidFileAndRejectsEveryCoreInvalidFile)
{
    const QStringList coreValid = xliffFiles("core/valid");
    const QStringList modulesValid = xliffFiles("modules/valid");
    const QStringList inOut = xliffFiles("core/in-out");
    const QStringList coreInvalid = xliffFiles("core/invalid");
    ASSERT_EQ(coreValid.size(), 24);
    ASSERT_EQ(modulesValid.size(), 31);
    ASSERT_EQ(inOut.size(), 18);
    ASSERT_EQ(coreInvalid.size(), 122);

    const auto accepted = [](const QStringList &paths) {
        return std::count_if(paths.begin(), paths.end(), [](const QString &p) { return validateFile(p).isEmpty(); });
    };
    EXPECT_EQ(accepted(coreValid), 24);
    EXPECT_EQ(accepted(modulesValid), 31);
    EXPECT_EQ(accepted(inOut), 18);
    EXPECT_EQ(coreInvalid.size() - accepted(coreInvalid), 122) << "core-invalid files rejected, of 122";
}

// ---------------------------------------------------------------------------------------
// What a user sees

TEST(Xliff2Validator, EndCodeBeforeItsStartNamesTheRuleAndLine)
{
    const Diagnostics d = validateText(R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
 <file id="f1">
  <unit id="u1">
   <segment>
    <source><ec startRef="1"/>Text </source>
   </segment>
   <segment>
    <source><sc id="1"/>more.</source>
   </segment>
  </unit>
 </file>
</xliff>
)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].file, QStringLiteral("sample.xlf"));
    EXPECT_EQ(d[0].line, 6);
    EXPECT_TRUE(d[0].message.startsWith(QLatin1String("unit 'u1': <ec startRef='1'> comes before its <sc>"))) << d[0].message.toStdString();
    EXPECT_TRUE(d[0].message.contains(QStringLiteral("§4.2.3.5"))) << d[0].message.toStdString();
}

TEST(Xliff2Validator, EndCodeWithoutStartCodeSaysSo)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">
 <file id="f1"><unit id="u1"><segment><source>Text<ec startRef="x"/></source></segment></unit></file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 2);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("<ec startRef='x'> names no <sc> in this unit"))) << describe(d);
}

TEST(Xliff2Validator, BrokenNonReorderableSequenceIsReportedInTheTarget)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1"><unit id="u1"><segment>
  <source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/> <ph id="3"/></source>
  <target><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="3"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></target>
 </segment></unit></file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 4);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("breaks the non-reorderable sequence <ph id='1'>, <ph id='2'>"))) << describe(d);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("Editing Hints"))) << describe(d);
}

TEST(Xliff2Validator, CommentMustPointToANoteOfItsUnit)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
 <file id="f1">
  <notes><note id="n1">file note</note></notes>
  <unit id="u1">
   <segment><source><mrk id="m1" type="comment" ref="#f=f1/n=n1">text</mrk></source></segment>
  </unit>
 </file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 5);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("points to a note of a file or group, not of this unit"))) << describe(d);
}

TEST(Xliff2Validator, SchemaViolationsNameTheElementAndSection)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
 <file id="f1">
  <group>
   <unit id="u1"><segment state="done"><source>Text</source></segment></unit>
  </group>
 </file>
</xliff>)");
    ASSERT_EQ(d.size(), 2) << describe(d);
    EXPECT_EQ(d[0].line, 3);
    EXPECT_EQ(d[0].message, QStringLiteral("<group> lacks the required attribute 'id' (XLIFF 2.0 §4.2.2.4)"));
    EXPECT_EQ(d[1].line, 4);
    EXPECT_TRUE(d[1].message.contains(QLatin1String("state='done' is not one of initial, translated, reviewed, final"))) << describe(d);
}

TEST(Xliff2Validator, TargetInheritsItsLanguage)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1" xml:lang="de">
  <unit id="u1"><segment><source xml:lang="en">Text</source>
   <target>Texte</target></segment></unit>
 </file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 4);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("<target> has xml:lang 'de' (explicit or inherited) but the document's trgLang is 'fr'")))
        << describe(d);
}

TEST(Xliff2Validator, MalformedXmlGivesTheReaderPosition)
{
    const Diagnostics d = validateText("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n"
                                       " <file id=\"f1\">\n"
                                       "  <unit id=\"u1\"><segment><source>Text</target></segment></unit>\n"
                                       " </file>\n"
                                       "</xliff>\n");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 3);
    EXPECT_GT(d[0].column, 0);
    EXPECT_EQ(d[0].kind, ErrorKind::InvalidInput);
    EXPECT_FALSE(d[0].message.isEmpty());
}

TEST(Xliff2Validator, UnknownVersionIsNamed)
{
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="en">
 <file id="f1"><unit id="u1"><segment><source>Text</source></segment></unit></file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_EQ(d[0].line, 1);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("XLIFF version '3.0'"))) << describe(d);
}

TEST(Xliff2Validator, AcceptsVersions21And22)
{
    EXPECT_TRUE(validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">
 <file id="f1"><unit id="u1"><segment><source>Text</source></segment></unit></file>
</xliff>)").isEmpty());
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2" srcLang="en">
 <notes><note id="n1" ref="#f=f1">document note</note></notes>
 <file id="f1"><unit id="u1"><segment><source>Text</source></segment></unit></file>
</xliff>)");
    EXPECT_TRUE(d.isEmpty()) << describe(d);
}

TEST(Xliff2Validator, RejectsOtherDocuments)
{
    const Diagnostics xliff12 = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>)");
    ASSERT_EQ(xliff12.size(), 1);
    EXPECT_TRUE(xliff12[0].message.contains(QLatin1String("not the XLIFF 2 core namespace"))) << describe(xliff12);

    const Diagnostics tmx = validateText(R"(<tmx version="1.4"><header/><body/></tmx>)");
    ASSERT_EQ(tmx.size(), 1);
    EXPECT_TRUE(tmx[0].message.contains(QLatin1String("the root element is <tmx>"))) << describe(tmx);
}

TEST(Xliff2Validator, RefusesADtdThatDeclaresEntities)
{
    const Diagnostics d = validateText(R"(<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
 <file id="f1"><unit id="u1"><segment><source>&secret;</source></segment></unit></file>
</xliff>)");
    ASSERT_EQ(d.size(), 1) << describe(d);
    EXPECT_TRUE(d[0].message.contains(QLatin1String("DTD declares entities"))) << describe(d);
    EXPECT_GT(d[0].line, 0);
}

TEST(Xliff2Validator, LanguageTagsMustBeWellFormedBcp47)
{
    const auto diagnosticsFor = [](const char *srcLang) {
        const QByteArray xml = QByteArray(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang=")")
            + srcLang + R"("><file id="f1"><unit id="u1"><segment><source>Text</source></segment></unit></file></xliff>)";
        return validateXliff2(xml, QStringLiteral("sample.xlf"));
    };
    for (const char *good : {"en", "en-US", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901", "en-US-x-twain", "x-klingon", "i-klingon", "zh-min-nan"})
        EXPECT_TRUE(diagnosticsFor(good).isEmpty()) << good << describe(diagnosticsFor(good));
    for (const char *bad : {"e", "en_US", "en--US", "englishlanguage", "en-x", "f r", ""}) {
        const Diagnostics d = diagnosticsFor(bad);
        ASSERT_EQ(d.size(), 1) << bad << describe(d);
        EXPECT_TRUE(d[0].message.contains(QLatin1String("is not a well-formed BCP 47 language tag"))) << describe(d);
    }
}

TEST(Xliff2Validator, PartlyTranslatedUnitWithCodesAcrossSegmentsIsValid)
{
    // The <sc> is translated, its <ec> sits in a segment without a target yet; the target
    // turns the source's <pc> into an <sc>/<ec> pair, which the specification allows.
    const Diagnostics d = validateText(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="de-DE">
 <file id="f1">
  <unit id="u1">
   <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
   <segment id="s1" state="translated">
    <source>Bold <pc id="1" dataRefStart="d1" dataRefEnd="d2" canDelete="no">text</pc> and <sc id="2" canReorder="firstNo" canCopy="no" canDelete="no"/>more.</source>
    <target>Fett <sc id="1" dataRef="d1" canDelete="no"/>Text<ec startRef="1" dataRef="d2" canDelete="no"/> und <sc id="2" canReorder="firstNo" canCopy="no" canDelete="no"/>mehr.</target>
   </segment>
   <segment id="s2">
    <source>End<ec startRef="2" canReorder="no" canCopy="no" canDelete="no"/>.</source>
   </segment>
  </unit>
 </file>
</xliff>)");
    EXPECT_TRUE(d.isEmpty()) << describe(d);
}
