namespace Course.Notebooks.Export;

/// <summary>A link to a chapter page: a relative address and the chapter's title.</summary>
/// <param name="Href">The page's address relative to the linking page, e.g. "02-convolution.html".</param>
/// <param name="Title">The chapter's title, as plain text.</param>
public sealed record ChapterLink(string Href, string Title);

/// <summary>The links at the top and bottom of a chapter page.</summary>
/// <param name="Index">The site's index page.</param>
/// <param name="Previous">The chapter before this one, or null for the first.</param>
/// <param name="Next">The chapter after this one, or null for the last.</param>
public sealed record PageNavigation(ChapterLink Index, ChapterLink? Previous, ChapterLink? Next);
