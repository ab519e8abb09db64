import Domain
import Plot
import Testing
@testable import Views

@Suite struct FormTests {
    let errors = [FieldError(field: "inn", message: "ИНН должен состоять из 10 цифр")]

    @Test func textFieldWithErrorIsMarkedInvalid() {
        let html = Form.text("inn", "ИНН", value: "12a", errors: errors, required: true, hint: "10 цифр").render()
        #expect(html.contains(#"<div class="field has-error">"#))
        #expect(html.contains(#"<label for="field-inn">ИНН<span class="required-mark""#))
        #expect(html.contains(#"id="field-inn""#))
        #expect(html.contains(#"value="12a""#))
        #expect(html.contains(#"aria-invalid="true""#))
        #expect(html.contains(#"aria-describedby="field-inn-hint field-inn-error""#))
        #expect(html.contains(#"<p class="field-error" id="field-inn-error">"#))
        #expect(html.contains("ИНН должен состоять из 10 цифр"))
        #expect(html.contains(" required"))
    }

    @Test func textFieldWithoutErrorHasNoAriaInvalid() {
        let html = Form.text("name", "Название", value: "СОШ \"№ 1\"", errors: errors, type: "text").render()
        #expect(!html.contains("aria-invalid"))
        #expect(!html.contains("aria-describedby"))
        #expect(html.contains(#"value="СОШ &quot;№ 1&quot;""#))
        #expect(html.contains(#"<div class="field">"#))
    }

    @Test func formHasCSRFNovalidateAndErrorSummary() {
        let html = Form.form(action: "/schools", csrf: "abc", errors: errors, .empty, cancelURL: "/schools").render()
        #expect(html.hasPrefix(#"<form class="form" method="post" action="/schools" novalidate>"#))
        #expect(html.contains(#"<input type="hidden" name="_csrf" value="abc"/>"#))
        #expect(html.contains("Исправьте ошибки в форме:"))
        #expect(html.contains(##"<a href="#field-inn">ИНН должен состоять из 10 цифр</a>"##))
        #expect(html.contains(">Сохранить</button>"))
        #expect(html.contains(#"<a class="button" href="/schools">Отмена</a>"#))
        #expect(!html.contains("enctype"))
        let multipart = Form.form(action: "/imports", csrf: "x", multipart: true, .empty, submit: "Загрузить").render()
        #expect(multipart.contains(#"enctype="multipart/form-data""#))
        #expect(!multipart.contains("error-summary"))
    }

    @Test func selectMarksSelectedAndKeepsBlankOption() {
        let html = Form.select(
            "kind", "Вид", options: [Option("soh", "СОШ"), Option("gym", "Гимназия")],
            selected: "gym", errors: [], includeBlank: "— любой —"
        ).render()
        // Plot renders an empty value as a bare attribute; `<option value>` submits "".
        #expect(html.contains(#"<option value>— любой —</option>"#))
        #expect(html.contains(#"<option value="gym" selected>Гимназия</option>"#))
        #expect(html.contains(#"<option value="soh">СОШ</option>"#))
        #expect(html.contains(#"<select id="field-kind" name="kind" class="input">"#))
    }

    @Test func checkboxesUseFieldsetAndRepeatedName() {
        let html = Form.checkboxes(
            "functions", "Функции", options: [Option("mentor", "Наставник"), Option("tutor", "Тьютор")],
            checked: ["tutor"], errors: [FieldError(field: "functions", message: "Выберите хотя бы одну")]
        ).render()
        #expect(html.contains(#"<fieldset class="field checks has-error" id="field-functions""#))
        #expect(html.contains("<legend>Функции</legend>"))
        #expect(html.contains(#"<input type="checkbox" id="field-functions-2" name="functions" value="tutor" checked/>"#))
        #expect(html.contains(#"<input type="checkbox" id="field-functions-1" name="functions" value="mentor"/>"#))
        #expect(html.contains("Выберите хотя бы одну"))
    }

    @Test func fieldIDsAreSafeFragments() {
        #expect(Markup.fieldID("staff[0].name") == "field-staff-0--name")
    }

    @Test func filtersAreGETWithResetLink() {
        let html = Form.filters(path: "/schools", Form.text("q", "Поиск", value: "", errors: [])).render()
        #expect(html.hasPrefix(#"<form class="filters" method="get" action="/schools" role="search""#))
        #expect(html.contains(">Показать</button>"))
        #expect(html.contains(#"<a class="button button-quiet" href="/schools">Сбросить</a>"#))
    }

    @Test func textareaKeepsValueEscaped() {
        let html = Form.textarea("note", "Комментарий", value: "<b>важно</b>", errors: []).render()
        #expect(html.contains("&lt;b&gt;важно&lt;/b&gt;</textarea>"))
    }
}
