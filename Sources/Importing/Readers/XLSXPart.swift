import Foundation
import ZIPFoundation

/// Inflates the parts of an .xlsx archive within a byte budget. The bytes are counted
/// as they come out of the inflater and the checksum is verified: the sizes in the
/// zip headers are only claims, and a small claim over a huge stream is a zip bomb.
final class XLSXPartReader {
    let archive: Archive
    private let budget: ReadBudget

    init(_ archive: Archive, byteLimit: Int) {
        self.archive = archive
        self.budget = ReadBudget(limit: byteLimit)
    }

    private struct OverBudget: Error {}

    /// The inflated bytes of an entry, nil when the archive has no such entry.
    func data(_ path: String) throws(ImportFailure) -> Data? {
        let wanted = path.lowercased()
        guard let entry = archive[path] ?? archive.first(where: {
            $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == wanted
        }) else { return nil }
        let key = entry.path
        let allowance = budget.allowance(for: key)
        // An honest header that is already too big fails before any work.
        guard entry.uncompressedSize <= UInt64(max(0, allowance)) else { throw tooBig(path) }
        var out = Data()
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= allowance else { throw OverBudget() }
                out.append(chunk)
            }
        } catch is OverBudget {
            throw tooBig(path)
        } catch {
            throw damaged(path)
        }
        // 0 means the archive gives no checksum to compare with.
        if entry.checksum != 0 && checksum != entry.checksum { throw damaged(path) }
        budget.charge(key, out.count)
        return out
    }

    private func tooBig(_ path: String) -> ImportFailure {
        ImportFailure(file: "Таблица слишком большая: распакованные части файла занимают больше \(Self.size(budget.limit)) (предел превышен на части \(path)). Разделите таблицу на несколько файлов.")
    }

    private func damaged(_ path: String) -> ImportFailure {
        ImportFailure(file: "Файл Excel повреждён: не удаётся распаковать \(path). Откройте файл в Excel, сохраните заново как .xlsx и загрузите снова.")
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) МБ" : "\(max(1, bytes / 1024)) КБ"
    }
}
