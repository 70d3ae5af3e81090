import ClinicCore
import Foundation
import Logging
import Synchronization

/// A swift-log handler appending lines to a file: while the terminal UI runs, nothing may
/// be written to the screen. swift-log ships no file handler, and none is among the
/// mirrored packages, so this small one is written here.
struct FileLogHandler: LogHandler {
    private let sink: Sink
    private let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    /// The shared open file; writes are serialised by a lock.
    final class Sink: Sendable {
        let handle: Mutex<FileHandle>

        init(handle: FileHandle) {
            self.handle = Mutex(handle)
        }

        func write(_ line: String) {
            handle.withLock { $0.write(Data(line.utf8)) }
        }
    }

    init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    /// Opens (creating) `url` for appending.
    static func openSink(at url: URL) throws -> Sink {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        return Sink(handle: handle)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let stamp = ISOInstant.format(Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\n")
    }
}
