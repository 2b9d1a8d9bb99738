/** Papers written out for other tools: BibTeX for reference managers. */
package paperbot.recommender.export;
