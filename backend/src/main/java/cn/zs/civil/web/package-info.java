/** What every endpoint shares: problem responses in the reader's language, locale resolution. */
package cn.zs.civil.web;
