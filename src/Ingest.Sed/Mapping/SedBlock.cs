namespace Ingest.Sed.Mapping;

/// <summary>What an element opens when it starts: a new entry of a repeated block, or the target of later fields.</summary>
internal enum SedBlock : byte
{
    None = 0,
    Pin,
    PersonAddress,
    Employer,
    OtherMemberStateEmployer,
    SelfEmployment,
    HostCountryEmployer,
    EmployerAddress,
    OrganisationId,
    WorkCountry,
    PlaceOfWork,
    PlaceOfWorkAddress,
    Exception,
    Change,
    Invalidation,
    /// <summary>SBDH Scope: its Type decides what its InstanceIdentifier means, applied at its end.</summary>
    Scope,
}
