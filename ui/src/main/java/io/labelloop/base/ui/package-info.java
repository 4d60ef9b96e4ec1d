/** The application shell: layout and menu, sign-in page, and shared view helpers such as the chart.js wrapper. */
package io.labelloop.base.ui;
