#pragma once
#include <QElapsedTimer>
#include <QString>
#include <cstdio>

namespace wb::cli {

/// A long command's progress on stderr, in the form that suits whoever reads it. On a
/// terminal: one line redrawn in place with the phase, the count, the rate and, when the
/// total is known, a bar and the time left. Otherwise (a log, a CI job): a plain line every
/// few seconds and one when a phase ends, never a "\r". With --json: nothing, so a script
/// sees only the JSON object and the problems. Never anything on stdout.
class ProgressReport {
public:
    /// `command` prefixes every line ("tm import").
    explicit ProgressReport(QString command);
    ~ProgressReport();
    ProgressReport(const ProgressReport &) = delete;
    ProgressReport &operator=(const ProgressReport &) = delete;

    /// Ends the phase under way (see finish()) and starts `phase`, a verb that reads before
    /// a count of units: "read", "indexed".
    void start(const QString &phase);
    /// `count` units so far; `done` of `total` (bytes, units) say how far, when total > 0.
    void update(qint64 count, qint64 done = 0, qint64 total = 0);
    /// One line for the phase: its count, time and rate.
    void finish();
    /// Stops without a summary (the command failed): a line left open on the terminal is
    /// ended, so the error starts a line of its own.
    void interrupt();

private:
    void show(bool force);
    QString progressText() const;
    QString m_command;
    QString m_phase;
    bool m_enabled = false;
    bool m_terminal = false;
    bool m_lineOpen = false; ///< a redrawn line is on the terminal
    int m_lastWidth = 0;
    qint64 m_count = -1, m_done = 0, m_total = 0;
    QElapsedTimer m_phaseTime;
    qint64 m_lastShown = 0; ///< m_phaseTime's reading when a line was last written
};

} // namespace wb::cli
