import Domain
import Plot
import Testing
@testable import Views

/// «Риски»: a school's register, the form with errors, the municipal matrix, the kinds and their method.
extension PageSnapshots {
    @Test func risksPages() {
        var school = RiskPages.SchoolModel()
        school.schoolName = "МБОУ-СОШ № 6"; school.schoolURL = "/schools/\(Self.id(71))"; school.newURL = "/risks/schools/\(Self.id(71))/new"
        school.matrixURL = "/risks?municipality=\(Self.id(101))"; school.advice = "Решения по рискам следующего учебного года — не позднее 30.06.2026 (Концепция: не позднее июня)."
        var r = RiskPages.Row()
        r.kind = "Риски учебной неуспешности обучающихся"; r.level = "средний"; r.levelValue = "medium"; r.manageability = "управляемый (на всех уровнях)"
        r.evidence = "Доля отметок «2» по ВПР — 24 %"; r.owner = "Заместитель директора по УВР"; r.cyclic = true; r.registered = "10.02.2026"
        r.nextOccurrence = "15.04.2026"; r.decisionDue = "10.02.2026"; r.measuresDue = "14.04.2026"; r.overdue = true
        r.measures = ["«Дорожная карта»: Взаимопосещение уроков"]; r.editURL = "/risks/\(Self.id(72))/edit"
        var f = RiskPages.Row()
        f.kind = "Дефицит педагогических кадров"; f.factor = true; f.level = "высокий"; f.levelValue = "high"; f.manageability = "слабоуправляемый (регион, муниципалитет)"
        f.evidence = "Две вакансии"; f.owner = "Директор школы"; f.registered = "01.01.2026"; f.decided = "15.01.2026"
        school.rows = [r, f]
        assertSnapshot(html: RiskPages.school(school).body.render(), named: "RisksSchool")
        var form = RiskPages.FormModel()
        form.title = "Новый риск"; form.action = "/risks/schools/\(Self.id(71))"; form.schoolName = "МБОУ-СОШ № 6"; form.cancelURL = "/risks/schools/\(Self.id(71))"
        form.kinds = [Option("staffing", "Кадровые риски"), Option("f500_equipment", "Низкий уровень оснащения школы (фактор «500+»)")]
        form.items = [Option(Self.id(73), "«Дорожная карта»: Взаимопосещение уроков")]; form.measures = [Self.id(73)]
        form.values = ["kind": "staffing", "evidence": "Нет учителя физики", "cyclic": "1", "registered": "2026-02-10"]
        form.errors = [FieldError(field: "next_occurrence", message: "Для циклического риска укажите дату его ближайшего возможного проявления.")]; form.csrf = Self.csrf
        assertSnapshot(html: RiskPages.form(form).body.render(), named: "RiskForm")
        var matrix = RiskPages.MatrixModel()
        matrix.municipalityName = "город Армавир"; matrix.municipalityID = Self.id(101); matrix.kindsURL = "/risks/kinds"; matrix.advice = school.advice
        matrix.kinds = [Option("staffing", "Кадровые риски"), Option("social", "Риски социальной ситуации")]
        matrix.rows = [RiskPages.MatrixRow(school: "МБОУ-СОШ № 6", url: "/risks/schools/\(Self.id(71))", cells: ["staffing": "high", "social": "low"]),
                       RiskPages.MatrixRow(school: "МБОУ-СОШ № 8", url: "/risks/schools/\(Self.id(74))", cells: ["social": "medium"])]
        var kinds = RiskPages.KindsModel()
        var k = RiskPages.KindRow(); k.code = "f500_staff_shortage"; k.title = "Дефицит педагогических кадров"; k.factor = true
        k.indicators = ["Доля вакансий (кадровый отчёт; min(x/0,2; 1); вес 2)"]; k.cutPoints = "средний ≥ 0,35, высокий ≥ 0,65"
        kinds.rows = [k]; kinds.action = "/risks/kinds"; kinds.values = ["code": "x y"]; kinds.errors = [FieldError(field: "code", message: "Код — латинские буквы.")]; kinds.csrf = Self.csrf
        assertSnapshot(html: RiskPages.matrix(matrix).body.render() + RiskPages.kinds(kinds).body.render(), named: "RisksMatrixKinds")
    }

    @Test func auditPages() {
        var index = AuditPages.IndexModel()
        index.municipalityName = "город Армавир"; index.municipalityID = Self.id(101); index.kindsURL = "/audits/kinds"
        var r = AuditPages.Row(); r.url = "/audits/\(Self.id(81))"; r.object = "МБОУ-СОШ № 6"; r.kind = "Документы на официальном сайте школы"
        r.planned = "01.03.2026"; r.held = "05.03.2026"; r.fixDeadline = "20.03.2026"; r.state = "нарушения: устранить"; r.stateValue = "violations"; r.overdue = true
        index.rows = [r]; index.planAction = "/audits?municipality=\(Self.id(101))"; index.kinds = [Option("school_site", "Документы на официальном сайте школы")]
        index.schools = [Option(Self.id(71), "МБОУ-СОШ № 6")]; index.errors = [FieldError(field: "planned", message: "Укажите дату по плану в виде дд.мм.гггг.")]; index.csrf = Self.csrf
        var show = AuditPages.ShowModel()
        show.title = "Документы на официальном сайте школы: МБОУ-СОШ № 6"; show.facts = [("Дата по плану", "01.03.2026")]; show.state = "запланирован"; show.stateValue = "planned"
        show.items = ["Программа развития размещена", "Дорожная карта размещена"]; show.protocolAction = "/audits/\(Self.id(81))/protocol"
        show.values = ["mark_1": "violation"]; show.errors = [FieldError(field: "note_1", message: "Опишите нарушение по пункту «Дорожная карта размещена».")]; show.csrf = Self.csrf
        var done = AuditPages.ShowModel()
        done.title = "Документы центра"; done.state = "нарушения: устранить"; done.stateValue = "violations"
        done.findings = [DocumentAuditFinding(item: "Положение о центре", ok: true, note: ""), DocumentAuditFinding(item: "План работы", ok: false, note: "Не утверждён")]
        done.recheckAction = "/audits/\(Self.id(82))/recheck"; done.csrf = Self.csrf
        var kinds = AuditPages.KindsModel(); kinds.rows = [("school_site", "Документы на официальном сайте школы", ["Программа развития размещена"])]
        kinds.action = "/audits/kinds"; kinds.csrf = Self.csrf
        assertSnapshot(html: AuditPages.index(index).body.render() + AuditPages.show(show).body.render() + AuditPages.show(done).body.render()
                       + AuditPages.kinds(kinds).body.render(), named: "Audits")
    }
}
