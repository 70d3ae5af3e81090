import ArgumentParser

/// `clinicdesk-bench`: performance figures for `scripts/bench` (release builds only).
///
/// Prints figures and ratios against baselines measured in the same process; it never
/// passes or fails on timings, because these machines are shared and noisy.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicdesk-bench",
        abstract: "Measure ClinicDesk's search, refresh, booking, change-notification and prescribing-check latency, and many terminals' cost.",
        subcommands: [SearchBench.self, UIBench.self, BookingBench.self, SyncBench.self, NotifyBench.self, TerminalsBench.self,
                      PrescribingBench.self, ImportBench.self, NotifyWriter.self, UIWriter.self, TerminalWatcher.self],
        defaultSubcommand: SearchBench.self
    )
}
