package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectNameKeysTest {

    @Test
    void aNameIsFoundHoweverItsSpacesWidthCaseAndMiddleDotWereTyped() {
        assertThat(SubjectNameKeys.normalise(" 张 三\u3000")).isEqualTo("张三");
        assertThat(SubjectNameKeys.normalise("阿依古丽•买买提")).isEqualTo(SubjectNameKeys.normalise("阿依古丽·买买提"))
                .isEqualTo(SubjectNameKeys.normalise("阿依古丽・买买提"));
        assertThat(SubjectNameKeys.normalise("ＪＯＨＮ Smith")).isEqualTo("johnsmith");
        assertThat(SubjectNameKeys.normalise(" \t ")).isNull();
        assertThat(SubjectNameKeys.normalise(null)).isNull();
        // a part of a name is another name
        assertThat(SubjectNameKeys.normalise("张")).isNotEqualTo(SubjectNameKeys.normalise("张三"));
    }
}
