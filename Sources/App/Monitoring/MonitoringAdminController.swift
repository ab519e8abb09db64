import Vapor
import Fluent
import Views
import Domain
import Plot

/// Settings, regional reference values, campaigns and the method page.
enum MonitoringAdminController {
    typealias C = MonitoringController
    typealias V = MonitoringViewsController

    @Sendable static func help(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return V.page(req, "Методика мониторинга результатов", tab: .help, sel,
                      MonitoringHelpView.body(settings: MonitoringLoader.settings(of: sel.municipality), municipality: sel.municipality.name))
    }

    @Sendable static func settings(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return settingsPage(req, sel, MonitoringLoader.settings(of: sel.municipality), errors: [])
    }

    static func settingsPage(_ req: Request, _ sel: C.Selection, _ s: MonitoringSettings, errors: [FieldError], status: HTTPStatus = .ok) -> Response {
        let canEdit = (try? req.principal()).map { Access.allows(.editMonitoringSettings, $0, in: sel.municipality.ref) } ?? false
        let res = V.page(req, "Настройки мониторинга: \(sel.municipality.name)", tab: .settings, sel,
                         MonitoringAdminViews.settings(s, action: SiteURL.monitoring(.settings, municipality: sel.municipality.id!.uuidString, year: sel.year).path, errors: errors, csrf: req.csrfToken, canEdit: canEdit))
        res.status = status
        return res
    }

    @Sendable static func saveSettings(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        guard Access.allows(.editMonitoringSettings, try req.principal(), in: sel.municipality.ref) else { throw AppError.forbidden }
        let f = FormFields(req)
        var s = MonitoringLoader.settings(of: sel.municipality)
        var errors: [FieldError] = []
        func int(_ key: String, _ range: ClosedRange<Int>, _ label: String) -> Int? {
            guard let v = Int(f[key]), range.contains(v) else { errors.append(.init(field: key, message: "\(label): целое число от \(range.lowerBound) до \(range.upperBound).")); return nil }
            return v
        }
        func rational(_ key: String, _ label: String) -> Rational? {
            guard let v = Rational(decimal: f[key].replacingOccurrences(of: ",", with: ".")), v.signum >= 0 else {
                errors.append(.init(field: key, message: "\(label): неотрицательное число, например 0,5.")); return nil
            }
            return v
        }
        if let r = Indicator2Reading(rawValue: f["reading"]) { s.reading = r } else { errors.append(.init(field: "reading", message: "Выберите правило.")) }
        if let v = int("threshold", 1...100, "Порог") { s.threshold = v }
        if let v = int("small_group", 1...100, "Малая группа") { s.smallGroup = v }
        if let v = int("federal_share", 1...100, "Доля «2»") { s.federalRiskShare = v }
        if let v = int("federal_procedures", 1...10, "Число процедур") { s.federalRiskProcedures = v }
        // Left empty: the current value stays.
        if !f["term_success"].isEmpty, let v = int("term_success", 1...100, "Порог успеваемости") { s.termSuccessThreshold = v }
        if !f["term_quality"].isEmpty, let v = int("term_quality", 1...100, "Порог качества знаний") { s.termQualityThreshold = v }
        if let p = ObjectivityPolicy(rawValue: f["objectivity"]) { s.objectivity = p }
        if let z = RuFormat.parseDecimal(f["ci_z"]), z > 0, z < 5 { s.ciZ = z } else { errors.append(.init(field: "ci_z", message: "z — число от 0 до 5, обычно 1,96.")) }
        if let v = rational("vpr_margin", "Запас ВПР") { s.vprMarginMark = v }
        if let v = rational("ege_margin", "Запас ЕГЭ") { s.egeMarginScore = v }
        s.lowWellbeingIndex = f["low_wellbeing"].isEmpty ? nil : rational("low_wellbeing", "ИСБШ")
        s.includeNoChange = f.bool("include_no_change")
        s.cohort = f.bool("cohort")
        s.excludeRosobrnadzorListForVPR = f.bool("exclude_list")
        guard errors.isEmpty else { return settingsPage(req, sel, s, errors: errors, status: .unprocessableEntity) }
        let m = sel.municipality
        let before = m.settingsJSON
        m.settingsJSON = String(data: try JSONEncoder().encode(s), encoding: .utf8) ?? "{}"
        try await req.db.transaction { db in
            try await m.update(on: db)
            try await Audit.record(req, on: db, .update, entity: "municipality", id: m.id, label: "\(m.name): настройки мониторинга", municipalityID: m.id,
                                   before: ["settings": before], after: ["settings": m.settingsJSON])
        }
        return req.redirect(.monitoring(.settings, municipality: m.id!.uuidString, year: sel.year), flash: "Настройки мониторинга сохранены.")
    }

    @Sendable static func references(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        return try await referencesPage(req, sel, errors: [], values: [:])
    }

    static func referencesPage(_ req: Request, _ sel: C.Selection, errors: [FieldError], values: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let rows = try await ReferenceValue.query(on: req.db).filter(\.$regionID == sel.municipality.$region.id).filter(\.$exam == "ege")
            .sort(\.$subject).sort(\.$year, .descending).all()
        let region = try await Region.find(sel.municipality.$region.id, on: req.db)?.name ?? ""
        let canEdit = Access.allows(.editRegionReferences, try req.principal(), in: sel.municipality.ref)
        let res = V.page(req, "Эталоны: региональные средние баллы ЕГЭ", tab: .references, sel, MonitoringAdminViews.references(
            rows.map { .init(subject: $0.subject, year: $0.year, value: $0.value, source: $0.source) },
            action: SiteURL.monitoring(.references, municipality: sel.municipality.id!.uuidString, year: sel.year).path, region: region, errors: errors, values: values,
            csrf: req.csrfToken, canEdit: canEdit))
        res.status = status
        return res
    }

    @Sendable static func saveReference(req: Request) async throws -> Response {
        let sel = try await C.select(req)
        guard Access.allows(.editRegionReferences, try req.principal(), in: sel.municipality.ref) else { throw AppError.forbidden }
        let f = FormFields(req)
        var errors: [FieldError] = []
        let subject = f["subject"]
        if !["russian", "math_profile"].contains(subject) { errors.append(.init(field: "subject", message: "Выберите предмет.")) }
        let year = Int(f["year"]).flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(.init(field: "year", message: "Год — четыре цифры, например 2025.")) }
        let value = Rational(decimal: f["value"].replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: ""))
        if value == nil || value!.signum <= 0 || value! > Rational(100) { errors.append(.init(field: "value", message: "Средний балл — число от 0 до 100, например 68,41.")) }
        guard errors.isEmpty, let year, let value else { return try await referencesPage(req, sel, errors: errors, values: f.flat, status: .unprocessableEntity) }
        let regionID = sel.municipality.$region.id
        let existing = try await ReferenceValue.query(on: req.db).filter(\.$regionID == regionID).filter(\.$exam == "ege").filter(\.$subject == subject)
            .filter(\.$grade == 0).filter(\.$year == year).first()
        let row = existing ?? ReferenceValue()
        let before = existing?.value
        row.regionID = regionID; row.exam = "ege"; row.subject = subject; row.grade = 0; row.year = year
        row.value = value.rounded(3).replacingOccurrences(of: "0+$", with: "", options: .regularExpression).replacingOccurrences(of: "\\.$", with: "", options: .regularExpression)
        row.source = "введено: \(req.currentUser?.login ?? "")"
        try await req.db.transaction { db in
            try await row.save(on: db)
            try await Audit.record(req, on: db, before == nil ? .create : .update, entity: "reference", id: nil, label: "Эталон ЕГЭ \(subject) \(year)",
                                   municipalityID: sel.municipality.id, before: before.map { ["value": $0] }, after: ["value": row.value],
                                   versions: [.references(regionID)])
        }
        return req.redirect(.monitoring(.references, municipality: sel.municipality.id!.uuidString, year: sel.year), flash: "Эталон сохранён.")
    }
}
