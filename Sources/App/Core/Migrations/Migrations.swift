import Fluent

/// Append-only list: a landed migration is never edited; changes come as new files.
enum Migrations {
    static let all: [any Migration] = [
        M001_CreateTenancy(),
        M002_CreateSchools(),
        M003_CreatePeople(),
        M004_CreateUsers(),
        M005_CreateAuditAndImports(),
        M006_CreateResults(),
        M007_CreateImportFiles(),
        M008_CreateDataVersion(),
        M009_IntegerSchoolKeys(),
        M010_NOKOContext(),
        M011_KeyMatchesPerMunicipality(),
        M012_Mentoring(),
        M013_MentoringResources(),
        M014_PlansOfInteraction(),
        M015_CompetenceAndReviews(),
        M016_SupportProfiles(),
        M017_Attachments(),
        M018_Plans(),
        M019_Events(),
        M020_Control(),
        M021_Risks(),
    ]
}
