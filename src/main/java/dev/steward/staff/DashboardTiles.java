package dev.steward.staff;

import java.util.List;

/**
 * Lets other modules summarise their work on the console's front page ({@code /admin}) without the staff module
 * knowing them: each bean answers the tiles a caller may see, by their roles and sites, or none.
 */
public interface DashboardTiles {

    List<DashboardTile> tilesFor(Caller caller);
}
