import Foundation

/// Old binary .xls files (РИС ГИА «Page 1» exports): converted to .xlsx through
/// LibreOffice when it is installed on the server; otherwise the importer's own
/// message asks the user to save the file as .xlsx.
enum LegacyExcel {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]

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

    /// The .xlsx bytes of an .xls file, or the data unchanged when it is not .xls or no converter exists.
    static func convertIfNeeded(_ data: Data, fileName: String) -> (Data, String) {
        guard isLegacy(data), let office = office() else { return (data, fileName) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opora-xls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let input = dir.appendingPathComponent("input.xls")
            try data.write(to: input)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: office)
            p.arguments = ["--headless", "--convert-to", "xlsx", "--outdir", dir.path, input.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            let out = try Data(contentsOf: dir.appendingPathComponent("input.xlsx"))
            return (out, (fileName as NSString).deletingPathExtension + ".xlsx")
        } catch {
            return (data, fileName)
        }
    }
}
