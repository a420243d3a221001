using System.Text.Json.Serialization;

namespace Vivapolis.Contracts.Events;

/// <summary>What kind of event it is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    /// <summary>A morning meeting, the network's signature format.</summary>
    [JsonStringEnumMemberName("matinale")] Matinale,
    /// <summary>A meeting between members around a subject.</summary>
    [JsonStringEnumMemberName("rencontre")] Rencontre,
    /// <summary>A trade show.</summary>
    [JsonStringEnumMemberName("salon")] Salon,
    /// <summary>A conference.</summary>
    [JsonStringEnumMemberName("conference")] Conference,
    /// <summary>An online seminar.</summary>
    [JsonStringEnumMemberName("webinaire")] Webinaire,
    /// <summary>A site visit.</summary>
    [JsonStringEnumMemberName("visite")] Visite,
    /// <summary>A workshop.</summary>
    [JsonStringEnumMemberName("atelier")] Atelier,
}

/// <summary>How people attend: on site, online, or either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceMode>))]
public enum AttendanceMode
{
    /// <summary>On site only: a venue is required.</summary>
    [JsonStringEnumMemberName("in_person")] InPerson,
    /// <summary>Online only: an https URL is required.</summary>
    [JsonStringEnumMemberName("online")] Online,
    /// <summary>On site and online: both a venue and an https URL are required.</summary>
    [JsonStringEnumMemberName("mixed")] Mixed,
}

/// <summary>Whether the event takes place as announced. Cancelled and postponed events stay listed, with this status, until unpublished.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))]
public enum EventStatus
{
    /// <summary>Takes place as announced.</summary>
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    /// <summary>Will not take place.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    /// <summary>Will take place later, on a date not known yet.</summary>
    [JsonStringEnumMemberName("postponed")] Postponed,
    /// <summary>Moved to the dates now shown.</summary>
    [JsonStringEnumMemberName("rescheduled")] Rescheduled,
}

/// <summary>How the embedded agenda lays out each event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgendaLayout>))]
public enum AgendaLayout
{
    /// <summary>Title, kind, status, dates, place, summary and links.</summary>
    [JsonStringEnumMemberName("list")] List,
    /// <summary>Title, status, dates and place only: for a narrow column.</summary>
    [JsonStringEnumMemberName("compact")] Compact,
}
