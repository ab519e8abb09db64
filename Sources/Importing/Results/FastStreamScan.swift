import Foundation

/// Where the bytes of a result file are: a file on disk (read in 4 MB chunks; the CLI
/// and the benchmark) or the bytes of an upload (the web page).
public enum ResultSource: Sendable {
    case file(URL)
    case data(Data)

    /// The most records the bytes can hold: their line count (a record is at least one
    /// line), counted in one pass over the bytes (some 20 ms for the national file); nil when
    /// the file cannot be read (the scanner then says so).
    var mostRecords: Int? {
        func lines(_ buffer: UnsafeRawBufferPointer) -> Int {
            var n = 0
            for byte in buffer where byte == 0x0A { n += 1 }
            return n
        }
        switch self {
        case .data(let data): return data.withUnsafeBytes(lines) + 1
        case .file(let url):
            guard let h = try? FileHandle(forReadingFrom: url) else { return nil }
            defer { try? h.close() }
            var n = 1
            while let chunk = try? h.read(upToCount: 4 << 20), !chunk.isEmpty { n += chunk.withUnsafeBytes(lines) }
            return n
        }
    }

    /// Not a spreadsheet, not UTF-16: the fast scanner may read it.
    public var isPlainText: Bool {
        switch self {
        case .data(let data): return FastDriver.isPlainText(data)
        case .file(let url):
            // An unreadable file is left to the scanner, which says so in Russian.
            guard let h = try? FileHandle(forReadingFrom: url) else { return true }
            defer { try? h.close() }
            return FastDriver.isPlainText((try? h.read(upToCount: 4096)) ?? Data())
        }
    }

    var driverSource: FastDriver.Source {
        switch self {
        case .file(let url): .file(url)
        case .data(let data): .data(data)
        }
    }
}

extension ResultImport {
    /// The product's one reading of a simple ВПР CSV, in one pass over a file or an upload:
    /// every record is checked exactly as `readVPR` checks it (`FastVPRCheck`), `onChecked`
    /// sees every row that passed its own checks (also after errors elsewhere), `onRow`
    /// gets the rows while no error has been found. Errors (with row and column) are
    /// thrown at the end, so the caller writes inside a transaction it rolls back on them.
    /// nil: the bytes are not a simple ВПР CSV (nothing was handed over; `readVPR` takes them).
    public static func streamVPR(_ source: ResultSource, defaultYear: Int?, onChecked: (VPRFastRow) -> Void,
                                 onRow: (VPRFastRow) throws -> Void) throws(ImportFailure) -> FastScanSummary? {
        guard source.isPlainText else { return nil }
        var rows = 0, shares = 0, adjusted = 0, check: FastVPRCheck?
        let outcome = try FastDriver.run(source.driverSource, specs: ResultColumns.vpr, strict: false, hasDefaultYear: defaultYear != nil,
                                         accept: FastVPRCheck.accept) { (c, r) throws(ImportFailure) in
            if check == nil { check = try FastVPRCheck(c, defaultYear: defaultYear, mostRecords: source.mostRecords) }
            guard let row = check!.check(c, r) else { return }
            if let s = row.shares {
                shares += 1
                if rebuildCounts(percentages: [s.0.text, s.1.text, s.2.text, s.3.text], participants: row.participants).adjusted { adjusted += 1 }
            }
            onChecked(row)
            guard c.errors.isEmpty else { return }
            do { try onRow(row) } catch { throw FastDriver.wrap(error) }
            rows += 1
        }
        guard case .done = outcome else { return nil }
        return FastScanSummary(rows: rows, notes: [rebuiltNote(shareRows: shares, adjusted: adjusted)].compactMap { $0 })
    }

    /// The same for a simple ЕГЭ CSV (`FastEGECheck`, as `readEGE`).
    public static func streamEGE(_ source: ResultSource, defaultYear: Int?, onChecked: (EGEFastRow) -> Void,
                                 onRow: (EGEFastRow) throws -> Void) throws(ImportFailure) -> FastScanSummary? {
        guard source.isPlainText else { return nil }
        var rows = 0, check: FastEGECheck?
        let outcome = try FastDriver.run(source.driverSource, specs: ResultColumns.ege, strict: false, hasDefaultYear: defaultYear != nil,
                                         accept: { ResultLayouts.detect($0) == .simple(.ege) }) { (c, r) throws(ImportFailure) in
            if check == nil { check = FastEGECheck(c, defaultYear: defaultYear, mostRecords: source.mostRecords) }
            guard let row = check!.check(c, r) else { return }
            onChecked(row)
            guard c.errors.isEmpty else { return }
            do { try onRow(row) } catch { throw FastDriver.wrap(error) }
            rows += 1
        }
        guard case .done = outcome else { return nil }
        return FastScanSummary(rows: rows, notes: [])
    }

    /// `rebuiltNote` from the two counts (the streaming path keeps no rows).
    static func rebuiltNote(shareRows total: Int, adjusted: Int) -> String? {
        guard total > 0 else { return nil }
        var note = "В файле доли отметок в процентах, а не количества. Количество отметок восстанавливается как "
            + "round(доля × участники / 100)"
        note += adjusted == 0 ? "; во всех строках сумма сошлась с числом участников."
            : "; в \(adjusted) \(plural(adjusted, "строке", "строках", "строках")) сумма не сошлась с числом участников — "
            + "скорректирована по наибольшим остаткам."
        return note
    }
}
