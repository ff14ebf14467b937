using System.Runtime.CompilerServices;
using Ingest.Core.Reference;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>
/// JSON lines of the reference records and of the truth, byte-identical to what the source-generated
/// System.Text.Json contracts write (<see cref="ReferenceJsonl"/>, <see cref="TruthJsonl"/>: camelCase,
/// declaration order, nulls omitted) without the serializer's per-member machinery. A test compares
/// the two on random records and checks that every property of the three types is written here.
/// </summary>
internal static class RecordLines
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(BlockBuffer output, A1Certificate r)
    {
        var w = new JsonLineWriter(output);
        w.Start();
        w.String("\"documentNumber\":"u8, r.DocumentNumber);
        w.String("\"securityCode\":"u8, r.SecurityCode);
        w.String("\"issuer\":"u8, r.Issuer);
        w.String("\"issuedOn\":"u8, r.IssuedOn);
        w.String("\"familyName\":"u8, r.FamilyName);
        w.String("\"forename\":"u8, r.Forename);
        w.String("\"familyNameAtBirth\":"u8, r.FamilyNameAtBirth);
        w.String("\"dateBirth\":"u8, r.DateBirth);
        w.String("\"sex\":"u8, r.Sex);
        w.Strings("\"nationalities\":"u8, r.Nationalities);
        w.String("\"pin\":"u8, r.Pin);
        w.String("\"pinCountry\":"u8, r.PinCountry);
        w.String("\"employerName\":"u8, r.EmployerName);
        w.String("\"employerId\":"u8, r.EmployerId);
        w.String("\"employerCountry\":"u8, r.EmployerCountry);
        w.Bool("\"selfEmployed\":"u8, r.SelfEmployed);
        w.String("\"legislationState\":"u8, r.LegislationState);
        w.String("\"article\":"u8, r.Article);
        w.String("\"start\":"u8, r.Start);
        w.String("\"end\":"u8, r.End);
        w.String("\"status\":"u8, r.Status);
        w.Strings("\"workCountries\":"u8, r.WorkCountries);
        w.End();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(BlockBuffer output, PostingDeclaration r)
    {
        var w = new JsonLineWriter(output);
        w.Start();
        w.String("\"declarationId\":"u8, r.DeclarationId);
        w.Number("\"version\":"u8, r.Version);
        w.String("\"status\":"u8, r.Status);
        w.String("\"filedOn\":"u8, r.FiledOn);
        w.String("\"employerName\":"u8, r.EmployerName);
        w.String("\"employerId\":"u8, r.EmployerId);
        w.String("\"employerCountry\":"u8, r.EmployerCountry);
        w.String("\"clientName\":"u8, r.ClientName);
        w.String("\"clientSiret\":"u8, r.ClientSiret);
        w.String("\"siteTown\":"u8, r.SiteTown);
        w.String("\"sitePostalCode\":"u8, r.SitePostalCode);
        w.String("\"workerFamilyName\":"u8, r.WorkerFamilyName);
        w.String("\"workerForename\":"u8, r.WorkerForename);
        w.String("\"workerDateBirth\":"u8, r.WorkerDateBirth);
        w.String("\"workerNationality\":"u8, r.WorkerNationality);
        w.String("\"workerPin\":"u8, r.WorkerPin);
        w.String("\"workerPinCountry\":"u8, r.WorkerPinCountry);
        w.String("\"hireDate\":"u8, r.HireDate);
        w.String("\"start\":"u8, r.Start);
        w.String("\"end\":"u8, r.End);
        w.String("\"a1Number\":"u8, r.A1Number);
        w.End();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(BlockBuffer output, TruthRecord r)
    {
        var w = new JsonLineWriter(output);
        w.Start();
        w.String("\"unit\":"u8, r.Unit);
        w.String("\"file\":"u8, r.File);
        w.String("\"frame\":"u8, r.Frame);
        w.String("\"day\":"u8, r.Day);
        w.String("\"caseId\":"u8, r.CaseId);
        w.String("\"documentId\":"u8, r.DocumentId);
        w.Number("\"version\":"u8, r.Version);
        w.String("\"sedType\":"u8, r.SedType);
        w.String("\"cdmVersion\":"u8, r.CdmVersion);
        w.String("\"receivedAt\":"u8, r.ReceivedAt);
        w.String("\"truePersonId\":"u8, r.TruePersonId);
        w.String("\"expectedA1\":"u8, r.ExpectedA1);
        w.String("\"expectedDeclaration\":"u8, r.ExpectedDeclaration);
        w.Strings("\"rules\":"u8, r.Rules);
        w.Strings("\"nearMisses\":"u8, r.NearMisses);
        w.Bool("\"malformed\":"u8, r.Malformed);
        w.String("\"malformedKind\":"u8, r.MalformedKind);
        w.Bool("\"duplicateDelivery\":"u8, r.DuplicateDelivery);
        w.Bool("\"superseded\":"u8, r.Superseded);
        w.Bool("\"invalidated\":"u8, r.Invalidated);
        w.End();
    }
}
