// Loaded by features.ipynb with #load, relative to the notebook's folder.
int Twice(int x) => 2 * x;
