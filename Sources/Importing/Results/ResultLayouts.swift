import Foundation

/// Which layout a result file (or one of its sheets) has.
public enum DetectedLayout: Sendable, Equatable {
    /// One of our simple formats (the downloadable templates).
    case simple(ResultFileKind)
    /// ФИС ОКО «Статистика по отметкам».
    case fisOkoMarks
    /// ФИС ОКО «Сравнение отметок с отметками по журналу».
    case fisOkoJournal
    /// ФИС ОКО «Индивидуальные результаты».
    case fisOkoIndividual
    /// РИС ГИА participant protocols (ЕГЭ with «Тестовый балл», ОГЭ with «Оценка»).
    case giaProtocolEGE, giaProtocolOGE
    /// A per-school ЕГЭ summary with a merged header.
    case giaSummary
    /// The empty ФИС ОКО «Форма сбора результатов».
    case fisOkoUploadForm
    case unknown

    /// Russian name of the layout for messages.
    public var title: String {
        switch self {
        case .simple(let kind): "таблица «\(kind.title)» по образцу"
        case .fisOkoMarks: "отчёт ФИС ОКО «Статистика по отметкам»"
        case .fisOkoJournal: "отчёт ФИС ОКО «Сравнение отметок с отметками по журналу»"
        case .fisOkoIndividual: "отчёт ФИС ОКО «Индивидуальные результаты»"
        case .giaProtocolEGE: "протокол РИС ГИА с результатами ЕГЭ"
        case .giaProtocolOGE: "протокол РИС ГИА с результатами ОГЭ"
        case .giaSummary: "сводная таблица ЕГЭ по школам"
        case .fisOkoUploadForm: "пустая форма сбора результатов ФИС ОКО"
        case .unknown: "таблица неизвестного вида"
        }
    }

    /// The kind of results the layout holds.
    public var kind: ResultFileKind? {
        switch self {
        case .simple(let kind): kind
        case .fisOkoMarks: .vpr
        case .fisOkoJournal: .journalComparison
        case .fisOkoIndividual: .vprParticipants
        case .giaProtocolEGE, .giaSummary: .ege
        case .giaProtocolOGE: .oge
        case .fisOkoUploadForm, .unknown: nil
        }
    }
}

/// One sheet of an uploaded file (a CSV file is one sheet named as the file).
struct ResultSheet {
    var name: String
    var rows: [[String]]
}

enum ResultLayouts {
    static let uploadFormSheets: Set<String> = ["протокол", "служебный", "порядковый номер класса"]
    static let uploadFormMessage = "Это пустая форма сбора результатов ФИС ОКО, а не отчёт. Скачайте из личного кабинета ФИС ОКО "
        + "отчёт «Статистика по отметкам» (или «Сравнение отметок с отметками по журналу», «Индивидуальные результаты») "
        + "в формате Excel и загрузите его."

    /// All sheets of the file; the upload form is rejected here.
    static func sheets(data: Data, fileName: String) throws(ImportFailure) -> [ResultSheet] {
        guard data.starts(with: FileMagic.zip) else {
            return [ResultSheet(name: fileName, rows: try ImportFile.read(data: data, fileName: fileName))]
        }
        let reader = try XLSXReader(data: data)
        let names = Set(reader.sheetNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        if names.intersection(uploadFormSheets).count >= 2 { throw ImportFailure(file: uploadFormMessage) }
        let sheets = try reader.allSheets().map { ResultSheet(name: $0.name, rows: $0.rows) }
            .filter { $0.rows.contains { $0.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } }
        guard !sheets.isEmpty else { throw ImportFailure(file: ImportFile.emptyMessage) }
        return sheets
    }

    /// The layout of one sheet, by its header text.
    static func detect(_ rows: [[String]]) -> DetectedLayout {
        if let exam = GIAProtocol.isProtocol(rows) { return exam == .ege ? .giaProtocolEGE : .giaProtocolOGE }
        if FisOkoIndividual.layout(rows) != nil { return .fisOkoIndividual }
        if FisOkoMarks.layout(rows) != nil { return .fisOkoMarks }
        if FisOkoJournal.layout(rows) != nil { return .fisOkoJournal }
        if let h = FisOko.headerRow(rows, ["группы участников"]),
           FisOkoJournalVertical.isVertical(rows, from: h + 1, label: rows[h].firstIndex { FisOko.norm($0).hasPrefix("группы участников") } ?? 0) {
            return .fisOkoJournal
        }
        if let kind = simpleKind(rows) { return .simple(kind) }
        if GIASummary.isSummary(rows) { return .giaSummary }
        return .unknown
    }

    static let simpleOrder: [ResultFileKind] = [.vprParticipants, .vpr, .journalComparison, .term, .ege, .oge, .objectivity, .context]

    /// The simple format whose required columns are all in one header row,
    /// preferring the one matching the most columns.
    static func simpleKind(_ rows: [[String]]) -> ResultFileKind? {
        var best: (kind: ResultFileKind, score: Int)?
        for cells in rows.prefix(HeaderFinder.searchDepth) {
            for kind in simpleOrder {
                let specs = ResultColumns.columns(kind)
                let mapped = HeaderFinder.map(cells, specs)
                guard specs.filter(\.required).allSatisfy({ mapped[$0.key] != nil }) else { continue }
                let has = { (keys: [String]) in keys.contains { mapped[$0] != nil } }
                switch kind {
                case .vpr: guard (2...5).allSatisfy({ mapped["mark\($0)"] != nil }) || (2...5).allSatisfy({ mapped["pct\($0)"] != nil }) else { continue }
                case .oge: guard has(["average_mark", "average_score", "below_threshold", "below_threshold_share"]) else { continue }
                case .context: guard has(ResultColumns.contextKeys.map(\.key)) else { continue }
                default: break
                }
                if mapped.count > best?.score ?? 0 { best = (kind, mapped.count) }
            }
            if best != nil { return best?.kind }
        }
        return nil
    }
}
