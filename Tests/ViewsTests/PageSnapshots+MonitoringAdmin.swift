import Domain
import Plot
import Testing
@testable import Views

/// «Мониторинги»: settings, regional references, campaigns and the upload of results.
extension PageSnapshots {
    static let municipalityQuery = "?municipality=" + id(101)

    @Test func monitoringSettings() {
        var settings = MonitoringSettings.default
        settings.lowWellbeingIndex = Rational(1, 2)
        let html = MonitoringAdminViews.settings(settings, action: "/monitoring/settings" + Self.municipalityQuery,
                                                 errors: [FieldError(field: "threshold", message: "Порог — целое число от 1 до 100.")],
                                                 csrf: Self.csrf, canEdit: true)
        assertSnapshot(html: html.render(), named: "MonitoringSettings")
    }

    @Test func monitoringReferences() {
        let rows = [
            MonitoringAdminViews.Reference(subject: "russian", year: 2025, value: "67.0", source: "введено вручную"),
            MonitoringAdminViews.Reference(subject: "math_profile", year: 2025, value: "58.41", source: "региональная строка файла РЦОИ"),
        ]
        let html = MonitoringAdminViews.references(rows, action: "/monitoring/references" + Self.municipalityQuery, region: "Краснодарский край",
                                                   errors: [FieldError(field: "value", message: "Средний балл — число от 0 до 100, например 68,41.")],
                                                   values: ["subject": "math_profile", "year": "2024", "value": "abc"], csrf: Self.csrf, canEdit: true)
        assertSnapshot(html: html.render(), named: "MonitoringReferences")
    }

    @Test func monitoringCampaigns() {
        let rows = [
            MonitoringAdminViews.CampaignRow(id: Self.id(81), year: 2025, status: "данные собраны", statusKind: .warning, deadline: "30.09.2025", approved: "—",
                                             actions: [("Утвердить", "/monitoring/campaigns/\(Self.id(81))/approve"),
                                                       ("Вернуть в работу", "/monitoring/campaigns/\(Self.id(81))/reopen")]),
            MonitoringAdminViews.CampaignRow(id: Self.id(82), year: 2024, status: "утверждена", statusKind: .success, deadline: "30.09.2024",
                                             approved: "27.09.2024 14:00, sokolova", actions: []),
        ]
        let html = MonitoringAdminViews.campaigns(rows, createAction: "/monitoring/campaigns" + Self.municipalityQuery + "&year=2026", year: 2026,
                                                  csrf: Self.csrf, errors: [])
        assertSnapshot(html: html.render(), named: "MonitoringCampaigns")
    }

    @Test func resultImportUpload() {
        let kinds = [Option("vpr", "ВПР (ФИС ОКО)"), Option("ege", "ЕГЭ (РИС ГИА)"), Option("oge", "ОГЭ (РИС ГИА)"), Option("terms", "Итоги четверти (полугодия)")]
        let jobs = [ImportsIndex.Job(id: Self.id(91), when: "12.09.2025 11:20", kind: "ВПР", file: "vpr-math-5-2025.xlsx", user: "ivanova",
                                     status: "загружен", statusKind: .success, summary: "Записано 24 результата"),
                    ImportsIndex.Job(id: Self.id(92), when: "12.09.2025 11:05", kind: "ЕГЭ", file: "ege-2025.csv", user: "ivanova",
                                     status: "нужно сопоставить школы", statusKind: .warning, summary: "2 школы не узнаны")]
        let html = ResultImportViews.upload(kinds: kinds, action: "/monitoring/imports" + Self.municipalityQuery, year: 2025, jobs: jobs,
                                            errors: [FieldError(field: "file", message: "Файл пустой: выберите файл с результатами.")], csrf: Self.csrf,
                                            templates: [("ВПР (CSV)", "/monitoring/imports/templates/vpr.csv"), ("ЕГЭ (XLSX)", "/monitoring/imports/templates/ege.xlsx")])
        assertSnapshot(html: html.render(), named: "ResultImportUpload")
    }

    @Test func resultImportMatching() {
        let unknown = [ImportJobView.Unknown(index: 0, label: "МБОУ СОШ № 1 им. Героя (edu233099)", rows: "2–5"),
                       ImportJobView.Unknown(index: 1, label: "Школа-интернат № 3", rows: "6, 9")]
        let html = ImportJobView.matching(unknown, schools: [Option(Self.id(1), "МБОУ СОШ № 1"), Option(Self.id(2), "МБОУ СОШ № 6")],
                                              action: "/monitoring/imports/\(Self.id(92))/match", csrf: Self.csrf)
        assertSnapshot(html: html.render(), named: "ResultImportMatching")
    }
}
