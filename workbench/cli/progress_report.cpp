#include "progress_report.h"
#include "cli_common.h"

#include <unistd.h>

namespace wb::cli {
namespace {

constexpr qint64 kTerminalRedrawMs = 200;
constexpr qint64 kLogLineMs = 5000; // a log gets a line this often, not a flood

QString seconds(double s)
{
    return s < 10 ? QString::number(s, 'f', 1) : QString::number(qint64(s + 0.5));
}

} // namespace

ProgressReport::ProgressReport(QString command)
    : m_command(std::move(command)), m_enabled(!jsonMode()), m_terminal(isatty(fileno(stderr)) == 1)
{
}

ProgressReport::~ProgressReport()
{
    interrupt();
}

void ProgressReport::interrupt()
{
    if (m_lineOpen)
        std::fputc('\n', stderr);
    m_lineOpen = false;
    m_phase.clear();
}

void ProgressReport::start(const QString &phase)
{
    finish();
    m_phase = phase;
    m_count = -1;
    m_done = m_total = 0;
    m_phaseTime.start();
    m_lastShown = 0;
}

void ProgressReport::update(qint64 count, qint64 done, qint64 total)
{
    m_count = count;
    m_done = done;
    m_total = total;
    show(false);
}

QString ProgressReport::progressText() const
{
    const double elapsed = m_phaseTime.elapsed() / 1000.0;
    QString text = QStringLiteral("%1: %2 %3 units").arg(m_command, m_phase).arg(std::max<qint64>(m_count, 0));
    QStringList details;
    const bool fraction = m_total > 0 && m_done > 0;
    if (fraction)
        details << QStringLiteral("%1 %").arg(m_done * 100 / m_total);
    if (elapsed > 0.5 && m_count > 0)
        details << QStringLiteral("%1 units/s").arg(qint64(m_count / elapsed));
    if (fraction && elapsed > 0.5 && m_done < m_total)
        details << QStringLiteral("%1 s left").arg(seconds(elapsed * double(m_total - m_done) / double(m_done)));
    if (m_terminal && fraction) {
        const int filled = int(m_done * 20 / m_total);
        text += QStringLiteral(" [%1%2]").arg(QString(filled, QLatin1Char('#')), QString(20 - filled, QLatin1Char('.')));
    }
    if (!details.isEmpty())
        text += m_terminal ? QLatin1Char(' ') + details.join(QStringLiteral(", ")) : QStringLiteral(" (%1)").arg(details.join(QStringLiteral(", ")));
    return text;
}

void ProgressReport::show(bool force)
{
    if (!m_enabled || m_phase.isEmpty())
        return;
    const qint64 now = m_phaseTime.elapsed();
    if (!force && now - m_lastShown < (m_terminal ? kTerminalRedrawMs : kLogLineMs))
        return;
    m_lastShown = now;
    const QByteArray line = progressText().toLocal8Bit();
    if (m_terminal) {
        // Spaces over whatever a longer line before left on the screen.
        std::fprintf(stderr, "\r%s%*s", line.constData(), std::max(0, m_lastWidth - int(line.size())), "");
        m_lastWidth = int(line.size());
        m_lineOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", line.constData());
    }
    std::fflush(stderr);
}

void ProgressReport::finish()
{
    if (!m_enabled || m_phase.isEmpty())
        return;
    const double elapsed = m_phaseTime.elapsed() / 1000.0;
    QString text = QStringLiteral("%1: %2 %3 units in %4 s").arg(m_command, m_phase).arg(std::max<qint64>(m_count, 0)).arg(seconds(elapsed));
    if (m_count > 0 && elapsed > 0)
        text += QStringLiteral(" (%1 units/s)").arg(qint64(m_count / elapsed));
    const QByteArray line = text.toLocal8Bit();
    if (m_lineOpen)
        std::fprintf(stderr, "\r%s%*s\n", line.constData(), std::max(0, m_lastWidth - int(line.size())), "");
    else
        std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
    m_lineOpen = false;
    m_lastWidth = 0;
    m_phase.clear();
}

} // namespace wb::cli
