import Domain
import Plot
import Testing
@testable import Views

/// Pages that moved into Views with issue 9: the approved campaign, the monitoring shell and
/// a result file's page.
extension PageSnapshots {
    @Test func campaignShow() {
        var settings = MonitoringSettings.default
        settings.threshold = 25
        let model = CampaignShowView.Model(
            status: CampaignStatus.approved.title, statusKind: .success, approved: "27.09.2025 14:00, Соколова Е. А.",
            notes: ["Показатель 2: доли отметок считаются по числу отметок (100·k/n)."],
            rows: [["Школа", "Показатель 1"], ["МБОУ СОШ № 6", "D = −0,008"]], settings: settings,
            references: [.init(exam: "ege", subject: "russian", year: 2025, value: "71.25", source: "введено: region")],
            summaryURL: "/monitoring" + Self.municipalityQuery + "&year=2025")
        assertSnapshot(html: CampaignShowView.body(model).render(), named: "CampaignShow")
        let open = CampaignShowView.Model(status: CampaignStatus.open.title, statusKind: .warning, approved: "ещё нет", notes: [], rows: nil,
                                          settings: nil, references: [], summaryURL: "/monitoring" + Self.municipalityQuery)
        assertSnapshot(html: CampaignShowView.body(open).render(), named: "CampaignShowOpen")
    }

    @Test func monitoringShell() {
        let model = MonitoringShell.Model(
            tabs: [.init(title: "Сводная таблица", url: "/monitoring" + Self.municipalityQuery, current: true),
                   .init(title: "Кластеры", url: "/monitoring/clusters" + Self.municipalityQuery, current: false)],
            filterPath: "/monitoring", municipalities: [Option(Self.id(101), "Армавир"), Option(Self.id(102), "Ленинградский район")],
            municipalityID: Self.id(101), years: [Option("2025", "2025"), Option("2024", "2024")], year: 2025)
        assertSnapshot(html: MonitoringShell.body(model, .p(.text("…"))).render(), named: "MonitoringShell")
    }

    @Test func resultImportJob() {
        let job = ImportJobView.Model(file: "ВПР_5_русский.xlsx", kind: "ВПР", status: "нужно сопоставить школы", statusKind: .warning, running: false,
                                      processed: 120, total: 120, summary: "не узнано школ: 1, ничего не записано", errors: [])
        let matching = ImportJobView.Matching(unknown: [.init(index: 0, label: "«Школа № 7»", rows: "3, 4")],
                                                  schools: [Option(Self.id(11), "МБОУ СОШ № 7 (ARM-007)")],
                                                  action: "/monitoring/imports/\(Self.id(91))/match", csrf: Self.csrf)
        let html = ImportJobView.page(job, notes: ["Число отметок восстановлено из процентов ФИС ОКО."], matching: matching, next: nil)
        assertSnapshot(html: html.render(), named: "ResultImportJob")
    }
}
