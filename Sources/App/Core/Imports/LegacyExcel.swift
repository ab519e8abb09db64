import Foundation
import NIOPosix

/// Old binary .xls files (РИС ГИА «Page 1» exports): converted to .xlsx through
/// LibreOffice when it is installed on the server; otherwise the importer's own
/// message asks the user to save the file as .xlsx.
///
/// The conversion runs on NIO's blocking thread pool, never on Swift's cooperative pool;
/// a kill timer ends a converter that hangs; each job has its own LibreOffice profile
/// (parallel jobs don't fight over one) and a private temporary folder (mode 0700).
enum LegacyExcel {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]
    /// A real .xls of a few MB converts in seconds; past this the converter is killed.
    static let timeLimit: TimeInterval = 60

    static func isLegacy(_ data: Data) -> Bool { data.prefix(4).elementsEqual(magic) }

    static func office() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            for name in ["soffice", "libreoffice"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    /// The .xlsx bytes of an .xls file, or the data unchanged when it is not .xls, no
    /// converter exists, or the conversion failed or timed out (the reader then says what to do).
    static func convertIfNeeded(_ data: Data, fileName: String, office: String? = office(),
                                timeLimit: TimeInterval = timeLimit) async -> (Data, String) {
        guard isLegacy(data), let office else { return (data, fileName) }
        let converted = try? await NIOThreadPool.singleton.runIfActive {
            try convert(data, office: office, timeLimit: timeLimit)
        }
        guard let converted else { return (data, fileName) }
        return (converted, (fileName as NSString).deletingPathExtension + ".xlsx")
    }

    struct Failed: Error {}

    /// Blocking: call only from a thread-pool thread.
    static func convert(_ data: Data, office: String, timeLimit: TimeInterval) throws -> Data {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("opora-xls-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input.xls")
        try data.write(to: input)
        let p = Process()
        let arguments = ["-env:UserInstallation=\(dir.appendingPathComponent("profile").absoluteString)",
                         "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", dir.path, input.path]
        // coreutils' timeout signals the whole process group, LibreOffice's helper processes too;
        // our own timer below is the fallback where it is missing.
        let timeout = "/usr/bin/timeout"
        let grouped = fm.isExecutableFile(atPath: timeout)
        p.executableURL = URL(fileURLWithPath: grouped ? timeout : office)
        p.arguments = grouped ? ["-s", "KILL", String(Int(timeLimit.rounded(.up))), office] + arguments : arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.path
        env["TMPDIR"] = dir.path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let timer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit + 5, execute: timer)
        p.waitUntilExit()
        timer.cancel()
        guard p.terminationReason == .exit, p.terminationStatus == 0 else { throw Failed() }
        return try Data(contentsOf: dir.appendingPathComponent("input.xlsx"))
    }
}
