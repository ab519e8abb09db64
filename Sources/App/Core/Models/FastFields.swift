import Fluent

// The hottest models list their properties instead of FluentKit's default, which finds them by
// reflection on every row decoded (FluentKit's own docs call it its worst bottleneck): reading
// 5,000 people or 14,000 work-log entries spent most of its time there. `FastFieldsTests` holds
// each list equal to what reflection finds, so a property added to a model and not here fails a test.

extension Person {
    var properties: [any AnyProperty] { [$id, $regionID, $municipality, $school, $staffCode, $lastName, $firstName, $middleName, $position, $functions, $subjects, $category, $advancedLevel, $email, $phone, $createdAt, $updatedAt] }
}

extension School {
    var properties: [any AnyProperty] { [$id, $municipality, $regionID, $code, $fullName, $shortName, $kind, $legalForm, $directorName, $address, $phone, $email, $fisOkoLogin, $giaCode, $isLeader, $no, $createdAt, $updatedAt] }
}

extension SchoolStatus {
    var properties: [any AnyProperty] { [$id, $school, $year, $lowResults, $difficultConditions, $program500, $objectivityRisk, $orderNumber, $orderDate, $note] }
}

extension Assignment {
    var properties: [any AnyProperty] { [$id, $kind, $municipalityID, $person, $school, $leaderSchool, $teacher, $orderNumber, $orderDate, $startsOn, $endsOn, $overCapacity, $createdAt] }
}

extension DeficitRecord {
    var properties: [any AnyProperty] { [$id, $municipalityID, $teacher, $school, $year, $area, $source, $score, $level, $dayText, $hasDeficit, $createdAt] }
}

extension RouteRecord {
    var properties: [any AnyProperty] { [$id, $municipalityID, $teacher, $year, $state, $agreedBy, $agreedDay, $reviewNote, $steps] }
}

extension RouteStepRecord {
    var properties: [any AnyProperty] { [$id, $route, $deficitArea, $title, $kind, $due, $status, $doneDay, $evidence, $cancelReason, $materialID, $updatedAt] }
}

extension Interaction {
    var properties: [any AnyProperty] { [$id, $municipalityID, $author, $school, $teacher, $dayText, $form, $format, $topic, $durationMinutes, $participants, $outcome, $nextStep, $requestID, $moduleID, $createdBy, $createdAt] }
}

extension PlanItem {
    var properties: [any AnyProperty] { [$id, $plan, $position, $section, $measure, $startDay, $deadline, $recurrence, $responsible, $responsiblePersonIDs, $targets, $addresses, $expectedResult, $reportForm, $status] }
}

extension PlanExecution {
    var properties: [any AnyProperty] { [$id, $item, $dueDay, $doneDay, $evidence, $evidenceURL, $eventID, $createdAt] }
}
