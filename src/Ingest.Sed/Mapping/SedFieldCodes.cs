namespace Ingest.Sed.Mapping;

/// <summary>
/// Fields whose values are codes from a small closed list (countries, sex, sector, flags, article and
/// type codes). Only these are interned: names, numbers and dates rarely repeat and would only evict
/// the codes from the small interning table.
/// </summary>
internal static class SedFieldCodes
{
    private static readonly bool[] s_isCode = Build();

    public static bool IsCode(SedField field) => s_isCode[(int)field];

    private static bool[] Build()
    {
        var t = new bool[256];
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
            t[(int)f] = true;
        }
        return t;
    }
}
