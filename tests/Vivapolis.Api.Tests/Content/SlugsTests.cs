using Vivapolis.Api.Content;

namespace Vivapolis.Api.Tests.Content;

public class SlugsTests
{
    [Theory]
    [InlineData("Vers un modèle français", "vers-un-modele-francais")]
    [InlineData("Action cœur de ville : l'État s'engage !", "action-coeur-de-ville-l-etat-s-engage")]
    [InlineData("  Énergie & Eau — 2026 ", "energie-eau-2026")]
    [InlineData("Ça déménage à Montréal", "ca-demenage-a-montreal")]
    public void A_slug_is_the_French_title_without_accents(string title, string expected) =>
        Assert.Equal(expected, Slugs.From(title));

    [Fact]
    public void A_long_title_gives_a_slug_of_at_most_80_characters_without_a_trailing_hyphen()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("mobilité durable", 20)));
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("Majuscules")]
    [InlineData("avec espace")]
    [InlineData("-tiret")]
    [InlineData("double--tiret")]
    [InlineData("accentué")]
    public void Hand_made_slugs_must_be_lowercase_words_and_hyphens(string slug) => Assert.False(Slugs.IsValid(slug));
}
