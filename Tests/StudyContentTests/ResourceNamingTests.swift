import Foundation
import Testing
import StudyContent
import StudyTestSupport
@testable import StudyCore

/// What counts as a resource in notes written by others (course repositories, awesome lists),
/// and what it is called: links written as HTML, link text that names nothing, descriptions
/// with no holes and no raw syntax, tables of contents.
@Suite struct ResourceNamingTests {
    // MARK: Links written as HTML

    /// The course form: each lesson is a video thumbnail then the lesson's heading; the
    /// "community notes" below a lesson no longer make up nearly all its resources.
    @Test func thumbnailsBeforeTheirHeadingsAreTheLessons() throws {
        let loaded = try Loaded(["01-intro.md": """
            # 1. Introduction

            <a href="https://www.youtube.com/watch?v=l11&amp;list=PLc"><img src="images/thumb-1-1.jpg" alt="Lesson 1.1: What is ML"></a>

            ## 1.1 What is ML

            Rules against models.

            <a href="https://www.youtube.com/watch?v=l12&list=PLc">
              <img src="images/thumb-1-2.jpg">
            </a>

            ## 1.2 ML vs rules

            A spam filter written both ways.

            <a href="https://www.youtube.com/watch?v=l13"><img src="images/thumb-1-3.jpg" alt="thumbnail"></a>

            ## 1.3 Supervised learning

            ### Community notes

            - [Notes by a learner](https://example.com/notes-1-3)
            """])
        let lesson11 = try #require(loaded.resources(of: loaded.topic("1. Introduction", "1.1 What is ML")).first)
        #expect(lesson11.title == "Lesson 1.1: What is ML")
        #expect(lesson11.url == "https://www.youtube.com/watch?v=l11&list=PLc")
        #expect(lesson11.source.line == 3)
        let lesson12 = loaded.resources(of: loaded.topic("1. Introduction", "1.2 ML vs rules"))
        #expect(lesson12.map(\.title) == ["1.2 ML vs rules"])
        #expect(lesson12.first?.source.line == 9)
        let lesson13 = loaded.resources(of: loaded.topic("1. Introduction", "1.3 Supervised learning"))
        #expect(lesson13.map(\.title) == ["1.3 Supervised learning"])
        #expect(lesson13.first?.description == "thumbnail")
        #expect(loaded.resources(of: loaded.topic("1. Introduction", "1.3 Supervised learning", "Community notes")).count == 1)
    }

    /// The other order (heading, then its thumbnail) keeps each thumbnail under its own heading.
    @Test func thumbnailsAfterTheirHeadingsStayThere() throws {
        let loaded = try Loaded(["02-regression.md": """
            # 2. Regression

            ## 2.1 Car price prediction

            <a href="https://www.youtube.com/watch?v=r21">
              <img src="images/thumb-2-1.jpg">
            </a>

            ## 2.2 Data preparation

            <a href="https://www.youtube.com/watch?v=r22">
              <img src="images/thumb-2-2.jpg">
            </a>

            Slides are in the course folder.
            """])
        #expect(loaded.resources(of: loaded.topic("2. Regression", "2.1 Car price prediction")).map(\.url)
            == ["https://www.youtube.com/watch?v=r21"])
        #expect(loaded.resources(of: loaded.topic("2. Regression", "2.2 Data preparation")).map(\.url)
            == ["https://www.youtube.com/watch?v=r22"])
    }

    @Test func htmlLinksAreNamedByImageThenTextThenHeading() throws {
        let loaded = try Loaded(["t.md": """
            # Tools

            <table>
              <tr>
                <td><a href="https://jupyter.org"><img src="j.png" title="Jupyter"></a></td>
                <td><a href="https://www.docker.com/">Docker <b>Desktop</b></a></td>
                <td><a href='https://kubernetes.io' title="Kubernetes docs">↗</a></td>
              </tr>
            </table>
            """])
        let resources = loaded.resources(of: loaded.topic("Tools"))
        #expect(resources.map(\.title) == ["Jupyter", "Docker Desktop", "Kubernetes docs"])
        #expect(resources.map(\.source.line) == [5, 6, 7])
        // Only links became resources, so the table leaves the note.
        #expect(loaded.topic("Tools")?.note == "")
    }

    /// Only http(s) links count, and attribute values cannot smuggle a control character in.
    @Test func htmlLinksAreSafe() throws {
        let loaded = try Loaded(["t.md": """
            # T

            <p>
            <a href="javascript:alert(1)"><img alt="script"></a>
            <a href="data:text/html,hi">data</a>
            <a href="file:///etc/passwd">file</a>
            <a href="https://example.org/&#x1b;[2J">Cl&#x1b;[31mear &#7;screen &#x202e;txt&amp;more</a>
            </p>
            """])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.url) == ["https://example.org/[2J"])
        let title = try #require(resources.first?.title)
        #expect(title == "Cl[31mear screen txt&more")
        #expect(!title.unicodeScalars.contains { $0.value < 0x20 || (0x202a...0x202e).contains($0.value) })
    }

    @Test func htmlLinksInsideListItemsAndParagraphs() throws {
        let loaded = try Loaded(["t.md": """
            # T

            - <a href="https://pandas.pydata.org">pandas</a> — dataframes for Python.
            - <a href="#setup">Setup</a> is in this file.

            Watch: <a href="https://www.youtube.com/watch?v=x">the overview</a>
            """])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.title) == ["pandas", "the overview"])
        #expect(resources.first?.description == "dataframes for Python.")
    }

    // MARK: Link text that names nothing

    @Test func genericLinkTextTakesTheItemsOtherWords() throws {
        let loaded = try Loaded(["t.md": """
            # Reading

            - Attention is all you need ([source](https://arxiv.org/abs/1706.03762))
            - [here](https://example.org/guide): a guide to feature stores
            - Scaling laws for language models [36](https://arxiv.org/abs/2001.08361)
            - [37](https://arxiv.org/abs/2203.15556)
            - [link](https://github.com/kubeflow/pipelines)
            - [This](https://example.org) — 
            - [Go](https://go.dev/) — the language
            """])
        let resources = loaded.resources(of: loaded.topic("Reading"))
        #expect(resources.map(\.title) == [
            "Attention is all you need", "a guide to feature stores", "Scaling laws for language models",
            "arxiv.org › 2203.15556", "github.com › pipelines", "example.org", "Go",
        ])
        #expect(resources.map(\.description) == [
            "Attention is all you need (source)", "here: a guide to feature stores",
            "Scaling laws for language models 36", "37", "link", "This", "the language",
        ])
        // The IDs stay those of the URLs.
        #expect(resources[0].id == StableID.resource(normalizedURL: "https://arxiv.org/abs/1706.03762"))
    }

    @Test func genericLinkOnItsOwnLineTakesTheSentenceBefore() throws {
        let loaded = try Loaded(["t.md": """
            # T

            The original paper on dropout is worth an evening.
            [here](https://jmlr.org/papers/v15/srivastava14a.html)

            Source: [link](https://example.org/mlops-maturity)
            """])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.title) == ["The original paper on dropout is worth an evening.", "example.org › mlops-maturity"])
        #expect(resources.map(\.description) == ["here", "link"])
    }

    // MARK: Descriptions

    @Test func aLinkInRunningTextLeavesNoHole() throws {
        let loaded = try Loaded(["t.md": """
            # T

            - Download the free version of [Anki](https://apps.ankiweb.net). It's used to review cards.
            - [ ] Install [uv](https://docs.astral.sh/uv/) and create a project
            - [Pro Git](https://git-scm.com/book) — the book.
            - Book: [SRE](https://sre.google/books/) (free online)
            """])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.title) == ["Anki", "uv", "Pro Git", "SRE"])
        #expect(resources.map(\.description) == [
            "Download the free version of Anki. It's used to review cards.",
            "Install uv and create a project", "the book.", "Book free online",
        ])
        #expect(resources[1].checkbox == false)
    }

    @Test func descriptionsArePlainText() throws {
        let loaded = try Loaded(["t.md": """
            # T

            - [The Illustrated Transformer] (https://jalammar.github.io/illustrated-transformer/) — **attention**,
              `softmax` and [positional encoding](https://example.org/pe) <br> step by <i>step</i>
            - [MLOps Zoomcamp]
              (https://github.com/DataTalksClub/mlops-zoomcamp) — a free course
            """])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.title) == ["The Illustrated Transformer", "MLOps Zoomcamp"])
        #expect(resources.map(\.url) == ["https://jalammar.github.io/illustrated-transformer/",
                                         "https://github.com/DataTalksClub/mlops-zoomcamp"])
        #expect(resources.map(\.description) == [
            "attention, softmax and positional encoding step by step", "a free course",
        ])
    }

    // MARK: Tables of contents

    @Test func aTableOfContentsIsNoResource() throws {
        let loaded = try Loaded(["README.md": """
            # Course

            ## Table of Contents

            - [Introduction](01-intro/README.md)
              - [What is ML](01-intro/what-is-ml.md)
            - [Regression](https://github.com/example/course/blob/main/02-regression/README.md)
            - [Community notes](#community-notes)

            ## Community notes

            - [Notes on regression](https://github.com/learner/notes/blob/main/README.md)
            - [Cheat sheet](https://example.org/cheats)
            """])
        #expect(loaded.resources(of: loaded.topic("Table of Contents")) == [])
        #expect(loaded.topic("Table of Contents")?.note.contains("[Introduction](01-intro/README.md)") == true)
        #expect(loaded.resources(of: loaded.topic("Community notes")).map(\.title) == ["Notes on regression", "Cheat sheet"])
    }

    @Test func aContentsLineBeforeTheListCountsAsItsName() throws {
        let loaded = try Loaded(["t.md": """
            # Guide

            <details><summary>Contents</summary>

            - [Install](https://example.org/guide/install.md)
            - [Use](https://example.org/guide/use.md)

            </details>

            **Contents**

            - [Setup](#setup)
            - [Deploy](docs/deploy.md)
            """])
        #expect(loaded.resources(of: loaded.root) == [])
    }

    /// Under another name, a list of links to Markdown files elsewhere is a reading list.
    @Test func aReadingListOfMarkdownFilesStaysResources() throws {
        let loaded = try Loaded(["t.md": """
            # Awesome lists

            - [Awesome MLOps](https://github.com/visenger/awesome-mlops/blob/master/README.md)
            - [Awesome Python](https://github.com/vinta/awesome-python/blob/master/README.md)
            """])
        #expect(loaded.resources(of: loaded.topic("Awesome lists")).count == 2)
    }

    // MARK: The bundled curriculum

    /// The bundled notes use none of these forms: the same 404 resources, and no rule renamed one.
    @Test func theBundledCurriculumKeepsItsResources() throws {
        let folder = (Repository.root as NSString).appendingPathComponent("Content")
        let tree = try ContentLoader.load(folders: [folder])
        #expect(tree.resources.count == 404)
        let renamed = tree.resources.values.filter { $0.title.contains("›") }.map(\.title)
        #expect(renamed == [])
    }

    /// Spaces inside a link's brackets are no part of its name.
    @Test func spacesAroundALinksTextAreNotItsTitle() throws {
        let loaded = try Loaded(["t.md": "# T\n\n- [ Spaced title ](https://e.org/s) — a guide\n"])
        #expect(loaded.resource(titled: "Spaced title")?.url == "https://e.org/s")
    }
}
