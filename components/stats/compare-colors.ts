// The line colour of each compared account (by position), shared by the chart and the table's key; a
// plain module so server components can read the values (exports of a 'use client' file are references).
export const COMPARE_COLORS = ['#25f4ee', '#fe2c55', '#f5c518'] as const;
