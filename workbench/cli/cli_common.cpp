#include "cli_common.h"
#include "common/text_file.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QFile>
#include <cstdio>

namespace wb::cli {

void warn(const Diagnostic &diagnostic)
{
    std::fprintf(stderr, "workbench: warning: %s\n", qPrintable(diagnostic.toString()));
}

int fail(const Diagnostic &diagnostic)
{
    std::fprintf(stderr, "workbench: %s\n", qPrintable(diagnostic.toString()));
    return int(diagnostic.kind);
}

int fail(const Diagnostics &diagnostics)
{
    int code = kExitOk;
    for (const Diagnostic &d : diagnostics)
        code = fail(d);
    return code;
}

int usageError(const QString &command, const QString &message)
{
    std::fprintf(stderr, "workbench %s: %s\nTry 'workbench %s --help'.\n", qPrintable(command), qPrintable(message),
                 qPrintable(command));
    return int(ErrorKind::Usage);
}

bool parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &arguments, int &exitCode)
{
    parser.addHelpOption();
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("workbench ") + command);
    if (!parser.parse(argv)) {
        exitCode = usageError(command, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        exitCode = kExitOk;
        return false;
    }
    return true;
}

Status writeOutput(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return Diagnostic{ErrorKind::OutputFailed, QStringLiteral("<stdout>"), 0, 0, QStringLiteral("cannot write")};
        return {};
    }
    return writeFileAtomically(path, bytes);
}

void addSegmentationOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Language of the Markdown file (default: en)."),
                      QStringLiteral("LANG"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("srx"),
                      QStringLiteral("SRX segmentation rules (default: segmentation.srx beside the file, else built in)."),
                      QStringLiteral("FILE")});
}

Result<SegmentedDocument> loadDocument(const QString &path, const QCommandLineParser &parser)
{
    const QString rules = parser.isSet(QStringLiteral("srx")) ? parser.value(QStringLiteral("srx")) : rulesBeside(path);
    if (parser.isSet(QStringLiteral("srx")) && !QFile::exists(rules))
        return Diagnostic{ErrorKind::MissingInput, rules, 0, 0, QStringLiteral("no such file")};
    auto segmenter = loadSegmenter(rules, parser.value(QStringLiteral("lang")));
    if (!segmenter)
        return segmenter.error();
    auto doc = segmentFile(path, **segmenter);
    if (doc)
        for (const Diagnostic &w : doc->warnings)
            warn(w);
    return doc;
}

} // namespace wb::cli
