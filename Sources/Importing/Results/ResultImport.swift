import Foundation

/// Imports result files — our simple formats and the files people download from
/// ФИС ОКО and РИС ГИА — into plain rows. All-or-nothing: any problem throws an
/// `ImportFailure` with every error found; rows are never returned partially.
public enum ResultImport {
    /// The layout of the file: of its first sheet with a recognised layout.
    public static func detect(data: Data, fileName: String) -> DetectedLayout {
        if data.starts(with: FileMagic.zip), let reader = try? XLSXReader(data: data),
           Set(reader.sheetNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            .intersection(ResultLayouts.uploadFormSheets).count >= 2 {
            return .fisOkoUploadForm
        }
        guard let sheets = try? ResultLayouts.sheets(data: data, fileName: fileName) else { return .unknown }
        return sheets.lazy.map { ResultLayouts.detect($0.rows) }.first { $0 != .unknown } ?? .unknown
    }

    /// ЕГЭ: the simple format, РИС ГИА protocols (aggregated per school) or a per-school summary.
    public static func readEGE(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<EGERow> {
        if let fast = try FastResultScan.ege(data: data, defaultYear: defaultYear) { return fast }
        return try read(.ege, data, fileName) { (layout, sheet) throws(ImportFailure) in
            switch layout {
            case .simple(.ege): try simple(SimpleEGE.parse(rows: sheet.rows, defaultYear: defaultYear))
            case .giaProtocolEGE: protocolParse(sheet.rows, defaultYear, GIAAggregate.ege)
            case .giaProtocolOGE:   // only базовая математика of ЕГЭ looks like an ОГЭ protocol
                Optional(protocolParse(sheet.rows, defaultYear, GIAAggregate.ege)).flatMap { $0.rows.isEmpty ? nil : $0 }
            case .giaSummary: GIASummary.parse(sheet.rows, defaultYear: defaultYear)
            default: nil
            }
        }
    }

    /// ВПР: the simple format (counts or shares) or ФИС ОКО «Статистика по отметкам» (every matching sheet).
    public static func readVPR(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<VPRRow> {
        if let fast = try FastResultScan.vpr(data: data, defaultYear: defaultYear) { return fast }
        var file = try read(.vpr, data, fileName) { (layout, sheet) throws(ImportFailure) in
            switch layout {
            case .simple(.vpr): try simple(SimpleVPR.parse(rows: sheet.rows, defaultYear: defaultYear))
            case .fisOkoMarks: FisOkoMarks.parse(name: sheet.name, rows: sheet.rows, defaultYear: defaultYear)
            default: nil
            }
        }
        file.notes.removeAll { $0.hasPrefix("В файле доли отметок") }
        if let note = rebuiltNote(file.rows) { file.notes.insert(note, at: 0) }
        return file
    }

    /// ОГЭ: the simple format or РИС ГИА protocols.
    public static func readOGE(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<OGERow> {
        try read(.oge, data, fileName) { (layout, sheet) throws(ImportFailure) in
            switch layout {
            case .simple(.oge): try simple(SimpleOGE.parse(rows: sheet.rows, defaultYear: defaultYear))
            case .giaProtocolOGE: protocolParse(sheet.rows, defaultYear, GIAAggregate.oge)
            default: nil
            }
        }
    }

    public static func readTerm(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<TermRow> {
        try read(.term, data, fileName) { (layout, sheet) throws(ImportFailure) in
            layout == .simple(.term) ? try simple(SimpleTerm.parse(rows: sheet.rows, defaultYear: defaultYear)) : nil
        }
    }

    public static func readJournalComparison(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<JournalComparisonRow> {
        try read(.journalComparison, data, fileName) { (layout, sheet) throws(ImportFailure) in
            switch layout {
            case .simple(.journalComparison): try simple(SimpleJournal.parse(rows: sheet.rows, defaultYear: defaultYear))
            case .fisOkoJournal: FisOkoJournal.parse(name: sheet.name, rows: sheet.rows, defaultYear: defaultYear)
            default: nil
            }
        }
    }

    public static func readVPRParticipants(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<VPRParticipantRow> {
        try read(.vprParticipants, data, fileName) { (layout, sheet) throws(ImportFailure) in
            switch layout {
            case .simple(.vprParticipants): try simple(SimpleVPRParticipants.parse(rows: sheet.rows, defaultYear: defaultYear))
            case .fisOkoIndividual: FisOkoIndividual.parse(name: sheet.name, rows: sheet.rows, defaultYear: defaultYear)
            default: nil
            }
        }
    }

    public static func readObjectivityFlags(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<ObjectivityFlagRow> {
        try read(.objectivity, data, fileName) { (layout, sheet) throws(ImportFailure) in
            layout == .simple(.objectivity) ? try simple(SimpleObjectivity.parse(rows: sheet.rows, defaultYear: defaultYear)) : nil
        }
    }

    public static func readContext(data: Data, fileName: String, defaultYear: Int?) throws(ImportFailure) -> ResultFile<ContextRow> {
        try read(.context, data, fileName) { (layout, sheet) throws(ImportFailure) in
            layout == .simple(.context) ? try simple(SimpleContext.parse(rows: sheet.rows, defaultYear: defaultYear)) : nil
        }
    }

    // MARK: - Plumbing

    /// A simple parser's result (or its failure) as a sheet parse.
    static func simple<Row>(_ parse: @autoclosure () throws(ImportFailure) -> ResultFile<Row>) throws(ImportFailure) -> SheetParse<Row> {
        do {
            let f = try parse()
            return SheetParse(rows: f.rows, references: f.references, notes: f.notes)
        } catch {
            return SheetParse(errors: error.errors)
        }
    }

    static func protocolParse<Row>(_ rows: [[String]], _ year: Int?, _ make: (GIAProtocol.Parse) -> ResultFile<Row>) -> SheetParse<Row> {
        let p = GIAProtocol.parse(rows, defaultYear: year)
        let f = make(p)
        return SheetParse(rows: f.rows, references: f.references, notes: f.notes, errors: p.errors)
    }

    /// Parses every sheet whose layout `parser` accepts (returns non-nil) and
    /// combines them all-or-nothing. Explains what the file is when no sheet fits.
    static func read<Row: Sendable & Equatable>(_ kind: ResultFileKind, _ data: Data, _ fileName: String,
                                                _ parser: (DetectedLayout, ResultSheet) throws(ImportFailure) -> SheetParse<Row>?) throws(ImportFailure) -> ResultFile<Row> {
        let sheets = try ResultLayouts.sheets(data: data, fileName: fileName)
        var parts: [(String, SheetParse<Row>)] = [], found: [DetectedLayout] = []
        for sheet in sheets {
            let layout = ResultLayouts.detect(sheet.rows)
            found.append(layout)
            if let p = try parser(layout, sheet) { parts.append((sheet.name, p)) }
        }
        if parts.isEmpty {
            if let other = found.first(where: { $0 != .unknown }) {
                throw ImportFailure(file: "Этот файл — \(other.title), а здесь загружаются «\(kind.title)». "
                    + (other.kind.map { "Загрузите его в разделе «\($0.title)»." } ?? ""))
            }
            // Unknown layout: let the simple parser say which columns are missing.
            guard let p = try parser(.simple(kind), sheets[0]) else { throw ImportFailure(file: "Файл не распознан.") }
            parts.append((sheets[0].name, p))
        }
        let multiple = parts.count > 1
        let errors = parts.flatMap { FisOko.tag($0.1.errors, sheet: $0.0, multiple: multiple) }
        if !errors.isEmpty { throw ImportFailure(errors) }
        return ResultFile(rows: parts.flatMap { $0.1.rows }, references: parts.flatMap { $0.1.references },
                          notes: parts.flatMap { $0.1.notes })
    }
}
