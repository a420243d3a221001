using System.ComponentModel.DataAnnotations;
using Vivapolis.Contracts.Common;

namespace Vivapolis.Contracts.AdvertiserContacts;

/// <summary>
/// What sales staff keep about a person at an advertiser. Personal data: only a public contact's name, job title,
/// company, e-mail, phone, sectors and regions are ever delivered; internal notes and the consent record never are.
/// </summary>
public sealed record AdvertiserContactContent : IItemContent
{
    /// <summary>Language of the entry.</summary>
    public Locale Locale { get; init; } = Locale.Fr;
    /// <summary>URL name, lowercase letters, digits and hyphens; made from the full name when absent.</summary>
    [MaxLength(80), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public string? Slug { get; init; }
    /// <summary>First and last name, for example "Hélène Marivaux".</summary>
    [MaxLength(120)]
    public string FullName { get; init; } = "";
    /// <summary>Job title, for example "directrice commerciale".</summary>
    [MaxLength(200)]
    public string? JobTitle { get; init; }
    /// <summary>The advertiser the person works for.</summary>
    [MaxLength(200)]
    public string? Company { get; init; }
    /// <summary>Professional e-mail address.</summary>
    [MaxLength(254), EmailAddress]
    public string Email { get; init; } = "";
    /// <summary>
    /// Phone number, in a French form ("01 99 00 12 34", "+33 1 99 00 12 34") or an international one
    /// ("+32 2 123 45 67"); stored and returned in E.164 ("+33199001234").
    /// </summary>
    [MaxLength(40)]
    public string? Phone { get; init; }
    /// <summary>Business sectors, in the editors' words (for example "mobilité", "énergie").</summary>
    [MaxLength(20)]
    public IReadOnlyList<string> Sectors { get; init; } = [];
    /// <summary>Region codes from <c>GET /api/v1/regions</c> where the person works.</summary>
    [MaxLength(18)]
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Whether the public list may show this person once published; requires a consent given.</summary>
    public bool IsPublic { get; init; }
    /// <summary>Position in the public list, smallest first (0 or more).</summary>
    [Range(0, 1_000_000)]
    public int DisplayOrder { get; init; }
    /// <summary>Notes for the sales team only; never delivered.</summary>
    [MaxLength(5000)]
    public string? InternalNotes { get; init; }
    /// <summary>The person's consent to appear in the public list; never delivered.</summary>
    public ConsentRecord? Consent { get; init; }
}

/// <summary>What the person agreed to, when and how: kept as proof, never delivered.</summary>
/// <param name="Given">Whether consent was given.</param>
/// <param name="GivenAt">When it was given; required when given.</param>
/// <param name="Method">How it was collected, for example "formulaire salon".</param>
/// <param name="Text">The wording the person agreed to.</param>
public sealed record ConsentRecord(
    bool Given,
    DateTimeOffset? GivenAt,
    [property: MaxLength(200)] string? Method,
    [property: MaxLength(5000)] string? Text);
