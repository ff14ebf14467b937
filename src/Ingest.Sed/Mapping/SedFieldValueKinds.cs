namespace Ingest.Sed.Mapping;

/// <summary>
/// The <see cref="SedValueKind"/> of each field. Only codes and recurring values are interned: varied
/// values would only evict the others from the small interning tables and cost a lookup for nothing.
/// </summary>
internal static class SedFieldValueKinds
{
    private static readonly SedValueKind[] s_kinds = Build();

    public static SedValueKind Of(SedField field) => s_kinds[(int)field];

    private static SedValueKind[] Build()
    {
        var t = new SedValueKind[256];
        foreach (var f in (SedField[])
            [
                SedField.Sex, SedField.PinCountry, SedField.PinSector, SedField.Nationality, SedField.PlaceBirthCountry,
                SedField.AddressType, SedField.AddressCountry, SedField.EmployerMarginalActivity, SedField.OrganisationIdType,
                SedField.FixedPlaceOfWork, SedField.WorkCountry, SedField.PlaceFlagStateHomeBase, SedField.InitialDecision,
                SedField.LegislationState, SedField.ForDurationOfActivity, SedField.OpenPeriodType, SedField.Article,
                SedField.CurrentLegislation, SedField.RequestedLegislation, SedField.TeleworkFrameworkAgreement,
                SedField.AmendmentIndicator, SedField.ChangeType, SedField.CancelWholePeriod, SedField.InvalidatedSedType,
                SedField.InvalidationReason, SedField.ScopeType, SedField.ScopeIdentifier,
            ])
        {
            t[(int)f] = SedValueKind.Code;
        }
        foreach (var f in (SedField[])
            [
                SedField.PinInstitutionId, SedField.PinInstitutionName, SedField.EnvelopeSender, SedField.EnvelopeReceiver,
            ])
        {
            t[(int)f] = SedValueKind.Recurring;
        }
        return t;
    }
}
